package dev.wharf.cli.command;

import dev.wharf.api.types.PortBinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.PicocliException;

/**
 * Docker's {@code -p} syntax (go-connections nat.ParsePortSpec): {@code [ip:][hostPort:]containerPort[/proto]},
 * ranges on both sides (mapped pairwise when their lengths match, else a host range for one port).
 */
final class PortSpecs {
    private PortSpecs() {}

    /** "80/tcp" → binding, in the order docker creates them. */
    static Map<String, PortBinding> parse(String spec) {
        String proto = "tcp";
        String rest = spec;
        int slash = rest.lastIndexOf('/');
        if (slash >= 0) {
            proto = rest.substring(slash + 1).toLowerCase(java.util.Locale.ROOT);
            rest = rest.substring(0, slash);
            if (!proto.equals("tcp") && !proto.equals("udp") && !proto.equals("sctp")) {
                throw new PicocliException("invalid proto: " + proto);
            }
        }
        String ip = "";
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw invalid(spec);
            }
            ip = rest.substring(1, close);
            rest = rest.substring(close + 1);
            rest = rest.startsWith(":") ? rest.substring(1) : rest;
        }
        String[] parts = rest.split(":", -1);
        String hostPort;
        String containerPort;
        switch (parts.length) {
            case 1 -> {
                hostPort = "";
                containerPort = parts[0];
            }
            case 2 -> {
                hostPort = parts[0];
                containerPort = parts[1];
            }
            case 3 -> {
                ip = parts[0];
                hostPort = parts[1];
                containerPort = parts[2];
            }
            default -> throw invalid(spec);
        }
        if (!ip.isEmpty() && !ip.contains(":") && !isIpv4(ip)) {
            throw new PicocliException("invalid IP address: " + ip);
        }
        int[] container = range(containerPort, spec);
        int[] host = hostPort.isEmpty() ? null : range(hostPort, spec);
        Map<String, PortBinding> bindings = new LinkedHashMap<>();
        int count = container[1] - container[0] + 1;
        if (host != null && host[1] - host[0] + 1 != count && count != 1) {
            throw new PicocliException("invalid ranges specified for container and host Ports: " + containerPort + " and " + hostPort);
        }
        for (int i = 0; i < count; i++) {
            String bound;
            if (host == null) {
                bound = "";
            } else if (count == 1 && host[0] != host[1]) {
                bound = host[0] + "-" + host[1];
            } else {
                bound = Integer.toString(host[0] + i);
            }
            bindings.put((container[0] + i) + "/" + proto, new PortBinding(ip, bound));
        }
        return bindings;
    }

    /** {@code --expose 80} or {@code 8000-8002/udp}. */
    static List<String> exposed(String spec) {
        String proto = spec.contains("/") ? spec.substring(spec.indexOf('/') + 1) : "tcp";
        String ports = spec.contains("/") ? spec.substring(0, spec.indexOf('/')) : spec;
        int[] range = range(ports, spec);
        List<String> result = new ArrayList<>();
        for (int p = range[0]; p <= range[1]; p++) {
            result.add(p + "/" + proto);
        }
        return result;
    }

    private static int[] range(String text, String spec) {
        String[] bounds = text.split("-", 2);
        try {
            int first = Integer.parseInt(bounds[0]);
            int last = bounds.length > 1 ? Integer.parseInt(bounds[1]) : first;
            if (first < 0 || last > 65535 || last < first) {
                throw new NumberFormatException();
            }
            return new int[] {first, last};
        } catch (NumberFormatException e) {
            throw invalid(spec);
        }
    }

    private static boolean isIpv4(String ip) {
        return ip.matches("(\\d{1,3}\\.){3}\\d{1,3}");
    }

    private static PicocliException invalid(String spec) {
        return new PicocliException("invalid port format for --publish: " + spec);
    }
}
