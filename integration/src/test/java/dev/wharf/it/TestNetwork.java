package dev.wharf.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A test daemon's networks: its own default bridge {@code wit<hex>} on {@code 10.A.B.0/24} and the
 * pool {@code 10.A.B+1.0/24} (split into /28s) for user-defined networks, chosen at random off the
 * host's routes, so test runs side by side never share a bridge, a subnet or an iptables rule.
 */
record TestNetwork(String bridge, int a, int b) {
    private static final SecureRandom RANDOM = new SecureRandom();

    static TestNetwork pick() {
        for (int attempt = 0; attempt < 100; attempt++) {
            var candidate = new TestNetwork("wit" + HexFormat.of().toHexDigits(RANDOM.nextInt()), 64 + RANDOM.nextInt(128),
                    2 * RANDOM.nextInt(128));
            if (!candidate.routed()) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free test subnet");
    }

    String bip() {
        return "10." + a + "." + b + ".1/24";
    }

    String pool() {
        return "base=10." + a + "." + (b + 1) + ".0/24,size=28";
    }

    /** The first three octets of the default bridge's subnet, e.g. {@code 10.77.12.}. */
    String bridgePrefix() {
        return "10." + a + "." + b + ".";
    }

    String poolPrefix() {
        return "10." + a + "." + (b + 1) + ".";
    }

    /**
     * What the daemon's networking left after all its containers were removed and it stopped:
     * iptables rules for its subnets, interfaces on its bridges, IPAM leases. Then deletes the default
     * bridge and its isolation rules (dockerd keeps docker0 too) and checks nothing names it any more.
     */
    List<String> leftovers(Path execRoot) throws IOException, InterruptedException {
        List<String> found = new ArrayList<>();
        for (String line : run("iptables-save").lines().toList()) {
            if (line.contains(bridgePrefix()) || line.contains(poolPrefix())) {
                found.add("iptables: " + line);
            }
        }
        for (String line : run("ip", "-4", "-o", "addr").lines().toList()) {
            if (line.contains(poolPrefix())) {
                found.add("bridge of a user-defined network: " + line);
            }
        }
        Path ports = Path.of("/sys/class/net", bridge, "brif");
        if (Files.isDirectory(ports)) {
            try (Stream<Path> veths = Files.list(ports)) {
                veths.forEach(veth -> found.add("veth on " + bridge + ": " + veth.getFileName()));
            }
        }
        Path ipam = execRoot.resolve("network/ipam");
        if (Files.isDirectory(ipam)) {
            try (Stream<Path> files = Files.walk(ipam)) {
                files.filter(f -> Character.isDigit(f.getFileName().toString().charAt(0)) && Files.isRegularFile(f))
                        .forEach(lease -> found.add("IPAM lease: " + lease));
            }
        }
        removeDefaultBridge();
        for (String line : run("iptables-save").lines().toList()) {
            if (line.contains(bridge)) {
                found.add("iptables: " + line);
            }
        }
        return found;
    }

    private void removeDefaultBridge() throws IOException, InterruptedException {
        if (Files.exists(Path.of("/sys/class/net", bridge))) {
            run("ip", "link", "del", bridge);
        }
        String comment = "CNI firewall plugin rules (ingressPolicy: same-bridge)";
        while (exitCode("iptables", "-w", "-D", "CNI-ISOLATION-STAGE-1", "-i", bridge, "!", "-o", bridge,
                "-m", "comment", "--comment", comment, "-j", "CNI-ISOLATION-STAGE-2") == 0) {
            // every copy
        }
        while (exitCode("iptables", "-w", "-D", "CNI-ISOLATION-STAGE-2", "-o", bridge,
                "-m", "comment", "--comment", comment, "-j", "DROP") == 0) {
            // every copy
        }
    }

    private boolean routed() {
        try {
            String routes = run("ip", "-4", "route");
            return routes.contains(bridgePrefix()) || routes.contains(poolPrefix());
        } catch (IOException | InterruptedException e) {
            return true;
        }
    }

    /** A command on the host (iptables-save, ip …), its stdout and stderr together. */
    static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return out;
    }

    private static int exitCode(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor();
    }
}
