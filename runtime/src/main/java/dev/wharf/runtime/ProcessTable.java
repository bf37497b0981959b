package dev.wharf.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code docker top}: the host's own {@code ps} with the client's options, its table cut down to a
 * container's processes, as dockerd does it (first with {@code -q <pids>}, which some options refuse,
 * then without). The PID column decides which rows belong; thread rows ({@code -}) follow their process.
 */
public final class ProcessTable {
    private static final long TIMEOUT_SECONDS = 30;

    /** {@code ps}'s header split into titles, and the matching rows, the last column holding the rest. */
    public record Table(List<String> titles, List<List<String>> processes) {}

    private ProcessTable() {}

    public static Table of(String psArgs, List<Integer> pids) throws IOException {
        List<String> args = Arrays.asList((psArgs == null || psArgs.isEmpty() ? "-ef" : psArgs).split(" "));
        String pidList = "-q" + pids.stream().map(String::valueOf).collect(Collectors.joining(","));
        String output;
        try {
            output = run(args, pidList);
        } catch (OciRuntimeException withPids) {
            output = run(args, null);
        }
        return parse(output, Set.copyOf(pids));
    }

    static Table parse(String output, Set<Integer> pids) throws OciRuntimeException {
        List<String> lines = output.lines().toList();
        List<String> titles = lines.isEmpty() ? List.of() : fields(lines.getFirst());
        int pidIndex = titles.indexOf("PID");
        if (pidIndex < 0) {
            throw new OciRuntimeException("Couldn't find PID field in ps output");
        }
        var processes = new ArrayList<List<String>>();
        boolean inContainer = false;
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = fields(line);
            if (fields.size() <= pidIndex) {
                continue;
            }
            String pid = fields.get(pidIndex);
            if (pid.equals("-")) {
                if (inContainer) {
                    processes.add(row(fields, titles.size()));
                }
                continue;
            }
            try {
                inContainer = pids.contains(Integer.parseInt(pid));
            } catch (NumberFormatException e) {
                throw new OciRuntimeException("Unexpected pid '" + pid + "': " + e.getMessage());
            }
            if (inContainer) {
                processes.add(row(fields, titles.size()));
            }
        }
        return new Table(titles, processes);
    }

    /** As many cells as titles; the last takes the rest of the line (a command with its arguments). */
    private static List<String> row(List<String> fields, int columns) {
        if (fields.size() <= columns) {
            return fields;
        }
        var row = new ArrayList<>(fields.subList(0, columns - 1));
        row.add(String.join(" ", fields.subList(columns - 1, fields.size())));
        return row;
    }

    private static List<String> fields(String line) {
        return Arrays.stream(line.strip().split("\\s+")).filter(f -> !f.isEmpty()).toList();
    }

    private static String run(List<String> args, String extra) throws IOException {
        var command = new ArrayList<String>();
        command.add("ps");
        command.addAll(args);
        if (extra != null) {
            command.add(extra);
        }
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        var stderr = process.getErrorStream();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(stderr.readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new OciRuntimeException("ps: timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running ps", e);
        }
        if (process.exitValue() != 0) {
            String first = err.lines().findFirst().orElse("exit status " + process.exitValue());
            throw new OciRuntimeException("ps: " + first);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
