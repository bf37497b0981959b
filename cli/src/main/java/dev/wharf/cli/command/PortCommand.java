package dev.wharf.cli.command;

import dev.wharf.api.client.EngineErrorException;
import dev.wharf.api.types.PortBinding;
import dev.wharf.cli.CliFailure;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code wharf port}: the host bindings of a container's published ports, from its inspect. */
@Command(name = "port", mixinStandardHelpOptions = true,
        description = "List port mappings or a specific mapping for the container.")
public final class PortCommand extends EngineCommand {

    @Parameters(index = "0", paramLabel = "CONTAINER")
    private String container;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PRIVATE_PORT[/PROTO]")
    private String privatePort;

    @Override
    public Integer call() throws IOException {
        Map<String, List<PortBinding>> ports;
        try {
            var settings = client().containerInspect(container).networkSettings();
            ports = settings == null || settings.ports() == null ? Map.of() : new TreeMap<>(settings.ports());
        } catch (EngineErrorException e) {
            err().println("Error response from daemon: " + e.getMessage());
            throw new CliFailure(1, null);
        }
        if (privatePort != null) {
            String key = privatePort.contains("/") ? privatePort : privatePort + "/tcp";
            List<PortBinding> bindings = ports.get(key);
            if (bindings == null || bindings.isEmpty()) {
                err().println("Error: No public port '" + key + "' published for " + container);
                throw new CliFailure(1, null);
            }
            bindings.forEach(b -> out().println(address(b)));
            return 0;
        }
        ports.forEach((key, bindings) -> {
            if (bindings != null) {
                bindings.forEach(b -> out().println(key + " -> " + address(b)));
            }
        });
        return 0;
    }

    private static String address(PortBinding binding) {
        String ip = binding.hostIp() == null || binding.hostIp().isEmpty() ? "0.0.0.0" : binding.hostIp();
        return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + binding.hostPort();
    }
}
