package dev.wharf.cli.command.network;

import dev.wharf.api.client.EngineErrorException;
import dev.wharf.api.types.NetworkDisconnectRequest;
import dev.wharf.cli.command.EngineCommand;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wharf network disconnect [-f] NETWORK CONTAINER}. */
@Command(name = "disconnect", mixinStandardHelpOptions = true, description = "Disconnect a container from a network.")
final class NetworkDisconnectCommand extends EngineCommand {
    @Option(names = {"-f", "--force"}, description = "Force the container to disconnect from a network.")
    private boolean force;

    @Parameters(index = "0", paramLabel = "NETWORK")
    private String network;

    @Parameters(index = "1", paramLabel = "CONTAINER")
    private String container;

    @Override
    public Integer call() throws IOException {
        try {
            client().networkDisconnect(network, new NetworkDisconnectRequest(container, force));
            return 0;
        } catch (EngineErrorException e) {
            return daemonError(e);
        }
    }
}
