package dev.wharf.network.cni;

import dev.wharf.network.BridgeNetwork;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The iptables rules of a bridge network, one set per network as dockerd keeps them, instead of the
 * bridge plugin's masquerade chain and the firewall plugin's rules for every container (about twenty
 * iptables processes per start, each under the xtables lock). Per bridge: the firewall plugin's own
 * {@code same-bridge} isolation rules (so networks never reach each other), FORWARD accepts for
 * traffic from the bridge and replies to it (needed under a DROP policy), and Docker's
 * {@code MASQUERADE} of the subnet leaving through another interface, or for an internal network
 * Docker's DROP of anything forwarded between its subnet and elsewhere. Installed at the first
 * attach of each daemon run (each rule checked first, so a restart adds nothing twice), removed with
 * the network or when the daemon stops and the network has no endpoints.
 */
final class BridgeRules {
    private static final String STAGE_1 = "CNI-ISOLATION-STAGE-1";
    private static final String STAGE_2 = "CNI-ISOLATION-STAGE-2";
    private static final String ISOLATION = "CNI firewall plugin rules (ingressPolicy: same-bridge)";
    private static final String WHARF = "wharf bridge network";
    private static final String INTERNAL = "wharf internal network";

    /** One rule: its table and chain, whether it goes first in the chain (else last), and its spec. */
    private record Rule(String table, String chain, boolean first, List<String> spec) {}

    private final Set<String> installed = ConcurrentHashMap.newKeySet();

    /** Adds what is missing of the network's rules, once per daemon run. */
    void ensure(BridgeNetwork network) throws IOException {
        if (installed.contains(network.bridge())) {
            return;
        }
        synchronized (this) {
            if (installed.contains(network.bridge())) {
                return;
            }
            iptables("filter", "-N", STAGE_1); // fails when it exists, which is fine
            iptables("filter", "-N", STAGE_2);
            List<Rule> rules = new ArrayList<>();
            rules.add(new Rule("filter", "FORWARD", true, comment(ISOLATION, "-j", STAGE_1)));
            rules.addAll(rules(network));
            for (Rule rule : rules) {
                if (iptables(rule.table(), "-C", rule.chain(), rule.spec()) != 0) {
                    List<String> add = rule.first() ? List.of("-I", rule.chain(), "1") : List.of("-A", rule.chain());
                    if (iptables(rule.table(), add, rule.spec()) != 0) {
                        throw new IOException("iptables cannot add " + rule.chain() + " " + String.join(" ", rule.spec()));
                    }
                }
            }
            installed.add(network.bridge());
        }
    }

    /** Deletes the network's rules, every copy (concurrent plugin ADDs of older releases could add two). */
    void remove(BridgeNetwork network) throws IOException {
        installed.remove(network.bridge());
        for (Rule rule : rules(network)) {
            for (int i = 0; i < 16 && iptables(rule.table(), "-D", rule.chain(), rule.spec()) == 0; i++) {
                // the next copy
            }
        }
    }

    /** The rules that name this network's bridge (the jump into the isolation chains is shared). */
    private static List<Rule> rules(BridgeNetwork network) {
        String bridge = network.bridge();
        List<Rule> rules = new ArrayList<>(List.of(
                new Rule("filter", STAGE_1, true, comment(ISOLATION, "-i", bridge, "!", "-o", bridge, "-j", STAGE_2)),
                new Rule("filter", STAGE_2, true, comment(ISOLATION, "-o", bridge, "-j", "DROP")),
                new Rule("filter", "FORWARD", false, comment(WHARF, "-i", bridge, "-j", "ACCEPT")),
                new Rule("filter", "FORWARD", false, comment(WHARF, "-o", bridge, "-m", "conntrack", "--ctstate",
                        "RELATED,ESTABLISHED", "-j", "ACCEPT"))));
        String subnet = network.subnet().toString();
        if (network.internal()) {
            // Docker's internal network: nothing is forwarded between its subnet and anywhere else, even
            // for a container that adds a route of its own (the conflist gives it none)
            rules.add(new Rule("filter", STAGE_1, true, comment(INTERNAL, "-i", bridge, "!", "-d", subnet, "-j", "DROP")));
            rules.add(new Rule("filter", STAGE_1, true, comment(INTERNAL, "!", "-s", subnet, "-o", bridge, "-j", "DROP")));
        } else {
            rules.add(new Rule("nat", "POSTROUTING", false,
                    comment(WHARF, "-s", subnet, "!", "-o", bridge, "-j", "MASQUERADE")));
        }
        return rules;
    }

    /** A rule spec: the matches, then the comment, then the target (iptables -S prints them so). */
    private static List<String> comment(String comment, String... spec) {
        List<String> rule = new ArrayList<>(List.of(spec));
        int target = rule.indexOf("-j");
        rule.addAll(target, List.of("-m", "comment", "--comment", comment));
        return rule;
    }

    private static int iptables(String table, String operation, String chain, List<String> spec) throws IOException {
        return iptables(table, List.of(operation, chain), spec);
    }

    private static int iptables(String table, String operation, String chain) throws IOException {
        return iptables(table, List.of(operation, chain), List.of());
    }

    private static int iptables(String table, List<String> operation, List<String> spec) throws IOException {
        List<String> command = new ArrayList<>(List.of("iptables", "-w", "-t", table));
        command.addAll(operation);
        command.addAll(spec);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running iptables", e);
        }
    }
}
