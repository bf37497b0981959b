package dev.wharf.network.cni;

import dev.wharf.network.BridgeNetwork;
import dev.wharf.network.PortMapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every iptables rule of wharf's bridge networks, as dockerd keeps them (instead of the CNI bridge
 * plugin's masquerade chain, the firewall plugin's rules and portmap's chains for every container:
 * about twenty iptables processes per start). Each network B has chains of its own, rewritten whole
 * by one {@code iptables-restore}:
 * <ul>
 * <li>filter {@code WHARF-FWD-B} (from FORWARD): accepts what comes from the bridge and replies to it,
 *     so a DROP policy (dockerd sets one) stops nothing wharf needs; then {@code WHARF-PORTS-B}, Docker's
 *     per-port ACCEPT of each published container port for connections from outside.</li>
 * <li>nat {@code WHARF-DNAT-B} (from PREROUTING and OUTPUT, for the host's own addresses): each published
 *     port's DNAT, for one host address ({@code -p 127.0.0.1:8080:80}) or all.</li>
 * <li>nat {@code WHARF-POST-B} (from POSTROUTING): Docker's MASQUERADE of the subnet leaving through
 *     another interface; hairpin (a container reaching its own network's published ports through the
 *     host: the answer must come back through the host); and 127.0.0.1 → container (with the bridge's
 *     {@code route_localnet}).</li>
 * </ul>
 * In the shared isolation chains (the firewall plugin's {@code same-bridge} rules, so networks never
 * reach each other) and the builtin chains' jumps, each rule is added only when iptables-save does not
 * show it. An internal network has no nat chains and Docker's DROP of anything forwarded between its
 * subnet and elsewhere. The network's chains are set up at its first attach of each daemon run, its
 * port chains rewritten at every attach and detach of an endpoint that publishes ports, and everything
 * that names the bridge removed with the network or when the daemon stops and it has no endpoints.
 */
final class BridgeRules {
    /** One endpoint's published ports: the container's address and its mappings. */
    record Published(String ip, List<PortMapping> ports) {}

    /** Reads the endpoints' ports now. */
    interface Endpoints {
        List<Published> read() throws IOException;
    }

    private static final String STAGE_1 = "CNI-ISOLATION-STAGE-1";
    private static final String STAGE_2 = "CNI-ISOLATION-STAGE-2";
    private static final String ISOLATION = "\"CNI firewall plugin rules (ingressPolicy: same-bridge)\"";
    private static final String INTERNAL = "\"wharf internal network\"";

    /** A rule in a chain wharf shares: whether it goes first (else last), and its spec as iptables-save prints it. */
    private record Shared(String table, String chain, boolean first, String spec) {
        String line() {
            return "-A " + chain + " " + spec;
        }
    }

    private final Iptables iptables = new Iptables();
    private final Set<String> installed = ConcurrentHashMap.newKeySet();

    /** Sets up the network's rules once per daemon run, its port chains with the endpoints' ports. */
    void ensure(BridgeNetwork network, Endpoints endpoints) throws IOException {
        if (installed.contains(network.bridge())) {
            return;
        }
        synchronized (this) {
            if (installed.contains(network.bridge())) {
                return;
            }
            Map<String, Iptables.Table> saved = iptables.save();
            Script script = new Script();
            for (String chain : List.of(STAGE_1, STAGE_2)) {
                if (!table(saved, "filter").chains().contains(chain)) {
                    script.declare("filter", chain); // declaring one that exists would flush it
                }
            }
            for (Shared rule : shared(network)) {
                if (!table(saved, rule.table()).rules().contains(rule.line())) {
                    script.add(rule.table(), (rule.first() ? "-I " + rule.chain() + " 1 " : "-A " + rule.chain() + " ")
                            + rule.spec());
                }
            }
            String bridge = network.bridge();
            script.declare("filter", chain("FWD", bridge));
            script.add("filter", "-A " + chain("FWD", bridge) + " -i " + bridge + " -j ACCEPT");
            script.add("filter", "-A " + chain("FWD", bridge) + " -o " + bridge
                    + " -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
            script.add("filter", "-A " + chain("FWD", bridge) + " -o " + bridge + " -j " + chain("PORTS", bridge));
            if (!network.internal()) {
                String post = chain("POST", bridge);
                String subnet = network.subnet().toString();
                script.declare("nat", post);
                script.add("nat", "-A " + post + " -s " + subnet + " ! -o " + bridge + " -j MASQUERADE");
                script.add("nat", "-A " + post + " -s " + subnet + " -o " + bridge
                        + " -m conntrack --ctstate DNAT -j MASQUERADE");
                script.add("nat", "-A " + post + " -s 127.0.0.0/8 -o " + bridge + " -j MASQUERADE");
            }
            ports(bridge, !network.internal(), endpoints.read(), script);
            iptables.restore(script.lines());
            installed.add(bridge);
        }
    }

    /**
     * Rewrites the network's port chains with what the endpoints publish now, in one atomic change.
     * The endpoints are read under the lock, so a later rewrite never undoes a newer state.
     */
    synchronized void publish(String bridge, Endpoints endpoints) throws IOException {
        List<Published> published = endpoints.read();
        Script script = new Script();
        ports(bridge, true, published, script);
        iptables.restore(script.lines());
        Path localnet = Path.of("/proc/sys/net/ipv4/conf", bridge, "route_localnet");
        if (!published.isEmpty() && Files.exists(localnet)) {
            Files.writeString(localnet, "1"); // 127.0.0.1 may be routed to the bridge, then masqueraded
        }
    }

    /** Deletes every rule that names the network's bridge, every copy, and its chains, in one change. */
    synchronized void remove(BridgeNetwork network) throws IOException {
        String bridge = network.bridge();
        installed.remove(bridge);
        Set<String> own = Set.of(chain("FWD", bridge), chain("PORTS", bridge), chain("DNAT", bridge), chain("POST", bridge));
        Script script = new Script();
        iptables.save().forEach((table, rules) -> {
            for (String rule : rules.rules()) {
                List<String> words = Arrays.asList(rule.split(" "));
                if (!own.contains(words.get(1)) && (words.contains(bridge) || own.stream().anyMatch(words::contains))) {
                    script.add(table, "-D" + rule.substring(2));
                }
            }
            List<String> chains = rules.chains().stream().filter(own::contains).toList();
            chains.forEach(chain -> script.add(table, "-F " + chain));
            chains.forEach(chain -> script.add(table, "-X " + chain));
        });
        iptables.restore(script.lines());
    }

    /** The port chains, declared (so emptied) and filled with each endpoint's DNAT and ACCEPT rules. */
    private static void ports(String bridge, boolean nat, List<Published> endpoints, Script script) {
        String accept = chain("PORTS", bridge);
        String dnat = chain("DNAT", bridge);
        script.declare("filter", accept);
        if (nat) {
            script.declare("nat", dnat);
        }
        for (Published endpoint : endpoints) {
            for (PortMapping port : endpoint.ports()) {
                if (port.hostIp().contains(":")) {
                    continue; // IPv4 only, as portmap: ::1 cannot be routed to a container
                }
                String protocol = " -p " + port.protocol() + " -m " + port.protocol() + " --dport ";
                String host = port.hostIp().isEmpty() || port.hostIp().equals("0.0.0.0") ? "" : " -d " + port.hostIp() + "/32";
                script.add("filter", "-A " + accept + " -d " + endpoint.ip() + "/32" + protocol + port.containerPort()
                        + " -j ACCEPT");
                if (nat) {
                    script.add("nat", "-A " + dnat + host + protocol + port.hostPort() + " -j DNAT --to-destination "
                            + endpoint.ip() + ":" + port.containerPort());
                }
            }
        }
    }

    /** The rules of this network in chains wharf shares with other networks and the system. */
    private static List<Shared> shared(BridgeNetwork network) {
        String bridge = network.bridge();
        List<Shared> rules = new ArrayList<>(List.of(
                new Shared("filter", "FORWARD", true, "-m comment --comment " + ISOLATION + " -j " + STAGE_1),
                new Shared("filter", STAGE_1, true, "-i " + bridge + " ! -o " + bridge + " -m comment --comment "
                        + ISOLATION + " -j " + STAGE_2),
                new Shared("filter", STAGE_2, true, "-o " + bridge + " -m comment --comment " + ISOLATION + " -j DROP"),
                new Shared("filter", "FORWARD", false, "-j " + chain("FWD", bridge))));
        String subnet = network.subnet().toString();
        if (network.internal()) {
            // Docker's internal network: nothing is forwarded between its subnet and anywhere else, even
            // for a container that adds a route of its own (the conflist gives it none)
            rules.add(new Shared("filter", STAGE_1, true, "! -d " + subnet + " -i " + bridge + " -m comment --comment "
                    + INTERNAL + " -j DROP"));
            rules.add(new Shared("filter", STAGE_1, true, "! -s " + subnet + " -o " + bridge + " -m comment --comment "
                    + INTERNAL + " -j DROP"));
        } else {
            rules.add(new Shared("nat", "PREROUTING", false, "-m addrtype --dst-type LOCAL -j " + chain("DNAT", bridge)));
            rules.add(new Shared("nat", "OUTPUT", false, "-m addrtype --dst-type LOCAL -j " + chain("DNAT", bridge)));
            rules.add(new Shared("nat", "POSTROUTING", false, "-j " + chain("POST", bridge)));
        }
        return rules;
    }

    /** A chain of the network's own: {@code WHARF-<part>-<bridge>}, at most 27 characters (iptables allows 28). */
    private static String chain(String part, String bridge) {
        return "WHARF-" + part + "-" + bridge;
    }

    private static Iptables.Table table(Map<String, Iptables.Table> saved, String name) {
        return saved.getOrDefault(name, new Iptables.Table(Set.of(), List.of()));
    }

    /** iptables-restore input by table: chain declarations first, then the commands. */
    private static final class Script {
        private final Map<String, List<String>> declarations = new LinkedHashMap<>();
        private final Map<String, List<String>> commands = new LinkedHashMap<>();

        void declare(String table, String chain) {
            List<String> chains = declarations.computeIfAbsent(table, t -> new ArrayList<>());
            if (!chains.contains(":" + chain + " - [0:0]")) {
                chains.add(":" + chain + " - [0:0]");
            }
        }

        void add(String table, String command) {
            commands.computeIfAbsent(table, t -> new ArrayList<>()).add(command);
        }

        Map<String, List<String>> lines() {
            Map<String, List<String>> lines = new LinkedHashMap<>();
            declarations.forEach((table, chains) -> lines.computeIfAbsent(table, t -> new ArrayList<>()).addAll(chains));
            commands.forEach((table, list) -> lines.computeIfAbsent(table, t -> new ArrayList<>()).addAll(list));
            return lines;
        }
    }
}
