package dev.wharf.cli.command.network;

import dev.wharf.api.client.EngineErrorException;
import dev.wharf.cli.command.EngineCommand;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code wharf network rm}: tries every network, prints each removed one as given. */
@Command(name = "rm", aliases = "remove", mixinStandardHelpOptions = true, description = "Remove one or more networks.")
final class NetworkRmCommand extends EngineCommand {
    @Parameters(arity = "1..*", paramLabel = "NETWORK")
    private List<String> names;

    @Override
    public Integer call() throws IOException {
        int exitCode = 0;
        for (String name : names) {
            try {
                client().networkRemove(name);
                out().println(name);
            } catch (EngineErrorException e) {
                exitCode = daemonError(e);
            }
        }
        return exitCode;
    }
}
