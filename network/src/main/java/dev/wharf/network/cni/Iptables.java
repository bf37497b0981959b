package dev.wharf.network.cni;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two iptables processes wharf runs: a dump of the rules ({@code iptables-save}) and one atomic
 * change of them ({@code iptables-restore --noflush}: each table's part is committed whole or not at
 * all, and it takes the xtables lock once instead of once per rule).
 */
final class Iptables {
    /** Found on PATH once, not by an exec attempt in every PATH directory at every run. */
    private static final String SAVE = onPath("iptables-save");
    private static final String RESTORE = onPath("iptables-restore");

    /** The rules of one table as iptables-save prints them: {@code -A CHAIN spec} lines, and its chains. */
    record Table(Set<String> chains, List<String> rules) {}

    /** Every table's rules, by table name. */
    Map<String, Table> save() throws IOException {
        Process process = new ProcessBuilder(SAVE).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dump = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (waitFor(process) != 0) {
            throw new IOException("iptables-save failed");
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        Table table = null;
        for (String line : dump.lines().toList()) {
            if (line.startsWith("*")) {
                table = new Table(new LinkedHashSet<>(), new java.util.ArrayList<>());
                tables.put(line.substring(1), table);
            } else if (table != null && line.startsWith(":")) {
                table.chains().add(line.substring(1, line.indexOf(' ')));
            } else if (table != null && line.startsWith("-A ")) {
                table.rules().add(line);
            }
        }
        return tables;
    }

    /** Applies the commands, by table, in one iptables-restore; nothing to do for an empty script. */
    void restore(Map<String, List<String>> script) throws IOException {
        StringBuilder text = new StringBuilder();
        script.forEach((table, lines) -> {
            if (!lines.isEmpty()) {
                text.append('*').append(table).append('\n');
                lines.forEach(line -> text.append(line).append('\n'));
                text.append("COMMIT\n");
            }
        });
        if (text.isEmpty()) {
            return;
        }
        Process process = new ProcessBuilder(RESTORE, "-w", "--noflush").redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (waitFor(process) != 0) {
            throw new IOException("iptables-restore failed: " + out.strip() + "\n" + text);
        }
    }

    private static String onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            Path file = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                return file.toString();
            }
        }
        return command; // the start fails with a clear error
    }

    private static int waitFor(Process process) throws IOException {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new IOException("interrupted while running iptables", e);
        }
    }
}
