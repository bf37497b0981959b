package dev.wharf.cli.command.volume;

import dev.wharf.api.client.EngineErrorException;
import dev.wharf.cli.command.EngineCommand;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wharf volume rm}: tries every volume, prints each removed one as given. */
@Command(name = "rm", aliases = "remove", mixinStandardHelpOptions = true, description = "Remove one or more volumes.")
final class VolumeRmCommand extends EngineCommand {
    @Option(names = {"-f", "--force"}, description = "Force the removal of one or more volumes.")
    private boolean force;

    @Parameters(arity = "1..*", paramLabel = "VOLUME")
    private List<String> names;

    @Override
    public Integer call() throws IOException {
        int exitCode = 0;
        for (String name : names) {
            try {
                client().volumeRemove(name, force);
                out().println(name);
            } catch (EngineErrorException e) {
                exitCode = daemonError(e);
            }
        }
        return exitCode;
    }
}
