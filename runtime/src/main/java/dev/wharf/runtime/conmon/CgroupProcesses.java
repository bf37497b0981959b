package dev.wharf.runtime.conmon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The processes of a container: the {@code cgroup.procs} of its init's cgroup, found through
 * {@code /proc/<pid>/cgroup}. The v1 pids hierarchy is preferred where it exists; otherwise the
 * unified hierarchy (mounted at /sys/fs/cgroup, or beside v1 at /sys/fs/cgroup/unified).
 */
final class CgroupProcesses {
    private static final Path CGROUPS = Path.of("/sys/fs/cgroup");

    private CgroupProcesses() {}

    static List<Integer> of(int initPid) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc", Integer.toString(initPid), "cgroup"));
        Path procs = v1Pids(lines).or(() -> unified(lines))
                .orElseThrow(() -> new IOException("no pids or unified cgroup for process " + initPid));
        return Files.readAllLines(procs).stream().filter(l -> !l.isBlank()).map(l -> Integer.parseInt(l.strip())).toList();
    }

    private static Optional<Path> v1Pids(List<String> lines) {
        for (String line : lines) {
            String[] parts = line.split(":", 3);
            if (parts.length == 3 && List.of(parts[1].split(",")).contains("pids")) {
                return existing(CGROUPS.resolve("pids"), parts[2]);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> unified(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith("0::")) {
                String path = line.substring(3);
                return existing(CGROUPS, path).or(() -> existing(CGROUPS.resolve("unified"), path));
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> existing(Path hierarchy, String cgroup) {
        Path procs = hierarchy.resolve(cgroup.replaceFirst("^/+", "")).resolve("cgroup.procs");
        return Files.isRegularFile(procs) ? Optional.of(procs) : Optional.empty();
    }
}
