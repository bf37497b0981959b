package dev.wharf.network.cni;

import java.io.IOException;
import java.util.List;

/**
 * The one thing the CNI plugins leave in iptables after their last DEL: the firewall plugin's
 * per-bridge isolation rules (cni.md §2). Removed with the same iptables binary the plugins use.
 */
final class Iptables {
    private static final String STAGE_1 = "CNI-ISOLATION-STAGE-1";
    private static final String STAGE_2 = "CNI-ISOLATION-STAGE-2";
    private static final List<String> COMMENT = List.of("-m", "comment", "--comment",
            "CNI firewall plugin rules (ingressPolicy: same-bridge)");

    void deleteIsolationRules(String bridge) throws IOException {
        deleteAll(rule(List.of(STAGE_1, "-i", bridge, "!", "-o", bridge), STAGE_2));
        deleteAll(rule(List.of(STAGE_2, "-o", bridge), "DROP"));
    }

    private static List<String> rule(List<String> match, String target) {
        var rule = new java.util.ArrayList<>(match);
        rule.addAll(COMMENT);
        rule.addAll(List.of("-j", target));
        return rule;
    }

    /** Deletes every copy of the rule (concurrent ADDs can insert it twice); a missing chain is fine. */
    private static void deleteAll(List<String> rule) throws IOException {
        for (int i = 0; i < 16; i++) {
            var command = new java.util.ArrayList<>(List.of("iptables", "-w", "-t", "filter", "-D"));
            command.addAll(rule);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                if (process.waitFor() != 0) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running iptables", e);
            }
        }
    }
}
