package dev.wharf.cli.command.network;

import dev.wharf.api.client.EngineClient;
import dev.wharf.cli.command.BatchCommand;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code wharf network rm}: tries every network in turn, prints each removed one as given. */
@Command(name = "rm", aliases = "remove", mixinStandardHelpOptions = true, description = "Remove one or more networks.")
final class NetworkRmCommand extends BatchCommand {
    @Parameters(arity = "1..*", paramLabel = "NETWORK")
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
    protected void apply(EngineClient client, String network) throws IOException {
        client.networkRemove(network);
    }
}
