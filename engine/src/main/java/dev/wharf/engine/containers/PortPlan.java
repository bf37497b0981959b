package dev.wharf.engine.containers;

import dev.wharf.api.types.PortBinding;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.network.PortMapping;
import dev.wharf.network.PortRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The host ports a container asks for: its PortBindings, plus every exposed port with {@code -P}. */
final class PortPlan {
    private PortPlan() {}

    static List<PortRequest> of(Map<String, List<PortBinding>> bindings, boolean publishAll,
            Map<String, Map<String, Object>> exposed) {
        List<PortRequest> requests = new ArrayList<>();
        Map<String, List<PortBinding>> all = new TreeMap<>(bindings == null ? Map.of() : bindings);
        if (publishAll && exposed != null) {
            exposed.keySet().forEach(port -> all.putIfAbsent(port, List.of(new PortBinding("", ""))));
        }
        for (var entry : all.entrySet()) {
            String[] portProto = entry.getKey().split("/", 2);
            int containerPort = parsePort(portProto[0], entry.getKey());
            String protocol = portProto.length > 1 ? portProto[1] : "tcp";
            if (!protocol.equals("tcp") && !protocol.equals("udp")) {
                throw new InvalidArgumentException("invalid proto: " + protocol);
            }
            List<PortBinding> list = entry.getValue() == null || entry.getValue().isEmpty()
                    ? List.of(new PortBinding("", "")) : entry.getValue();
            for (PortBinding binding : list) {
                String hostPort = binding.hostPort() == null ? "" : binding.hostPort();
                int first = 0;
                int last = 0;
                if (!hostPort.isEmpty()) {
                    String[] range = hostPort.split("-", 2);
                    first = parsePort(range[0], hostPort);
                    last = range.length > 1 ? parsePort(range[1], hostPort) : first;
                    if (last < first) {
                        throw new InvalidArgumentException("invalid port range: " + hostPort);
                    }
                }
                requests.add(new PortRequest(binding.hostIp() == null ? "" : binding.hostIp(), first, last,
                        containerPort, protocol));
            }
        }
        return requests;
    }

    /** The very ports of an earlier run (a daemon restart holds them again). */
    static List<PortRequest> exactly(List<PortMapping> mappings) {
        return mappings.stream().map(m -> new PortRequest(m.hostIp(), m.hostPort(), m.hostPort(), m.containerPort(),
                m.protocol())).toList();
    }

    private static int parsePort(String text, String whole) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("invalid port specification: \"" + whole + "\"");
        }
    }
}
