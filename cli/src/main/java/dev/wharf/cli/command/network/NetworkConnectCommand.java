package dev.wharf.cli.command.network;

import dev.wharf.api.client.EngineErrorException;
import dev.wharf.api.types.EndpointIpamConfig;
import dev.wharf.api.types.EndpointSettings;
import dev.wharf.api.types.NetworkConnectRequest;
import dev.wharf.cli.command.EngineCommand;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wharf network connect [--alias a] [--ip x] NETWORK CONTAINER}. */
@Command(name = "connect", mixinStandardHelpOptions = true, description = "Connect a container to a network.")
final class NetworkConnectCommand extends EngineCommand {
    @Option(names = "--alias", description = "Add network-scoped alias for the container.")
    private List<String> aliases = List.of();

    @Option(names = "--ip", description = "IPv4 address (e.g., \"172.30.100.104\").")
    private String ip;

    @Parameters(index = "0", paramLabel = "NETWORK")
    private String network;

    @Parameters(index = "1", paramLabel = "CONTAINER")
    private String container;

    @Override
    public Integer call() throws IOException {
        var endpoint = EndpointSettings.builder()
                .ipamConfig(ip == null ? null : new EndpointIpamConfig(ip, null, null))
                .aliases(aliases.isEmpty() ? null : aliases)
                .build();
        try {
            client().networkConnect(network, new NetworkConnectRequest(container, endpoint));
            return 0;
        } catch (EngineErrorException e) {
            return daemonError(e);
        }
    }
}
