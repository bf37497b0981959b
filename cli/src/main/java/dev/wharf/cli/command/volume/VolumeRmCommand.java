package dev.wharf.cli.command.volume;

import dev.wharf.api.client.EngineClient;
import dev.wharf.cli.command.BatchCommand;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wharf volume rm}: tries every volume in turn, prints each removed one as given. */
@Command(name = "rm", aliases = "remove", mixinStandardHelpOptions = true, description = "Remove one or more volumes.")
final class VolumeRmCommand extends BatchCommand {
    @Option(names = {"-f", "--force"}, description = "Force the removal of one or more volumes.")
    private boolean force;

    @Parameters(arity = "1..*", paramLabel = "VOLUME")
    private List<String> names;

    @Override
    protected List<String> targets() {
        return names;
    }

    @Override
    protected boolean parallel() {
        return false;
    }

    @Override
    protected void apply(EngineClient client, String volume) throws IOException {
        client.volumeRemove(volume, force);
    }
}
