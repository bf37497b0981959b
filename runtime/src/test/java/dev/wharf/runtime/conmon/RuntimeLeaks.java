package dev.wharf.runtime.conmon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What a test could leave behind on the host: conmon processes, cgroups, mounts. */
final class RuntimeLeaks {
    private RuntimeLeaks() {}

    /** Live processes whose command line mentions {@code marker} (e.g. the test's exec root). */
    static List<String> processesMentioning(String marker) throws IOException {
        List<String> found = new ArrayList<>();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (cmdline.contains(marker)) {
                        found.add(proc.getFileName() + ": " + cmdline.replace('\0', ' '));
                    }
                } catch (IOException gone) {
                    // exited meanwhile
                }
            }
        }
        return found;
    }

    /** cgroup directories named {@code <parent>/...} in any hierarchy. */
    static List<Path> cgroupsUnder(String parent) throws IOException {
        List<Path> found = new ArrayList<>();
        try (var hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path hierarchy : hierarchies.toList()) {
                Path dir = hierarchy.resolve(parent.substring(1));
                if (Files.isDirectory(dir)) {
                    try (var children = Files.list(dir)) {
                        children.filter(Files::isDirectory).forEach(found::add);
                    }
                }
            }
        }
        return found;
    }

    /** Removes the (empty) parent cgroup a test used in every hierarchy. */
    static void removeCgroupParent(String parent) throws IOException {
        try (var hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path hierarchy : hierarchies.toList()) {
                Files.deleteIfExists(hierarchy.resolve(parent.substring(1)));
            }
        }
    }

    static List<String> mountsUnder(Path dir) throws IOException {
        String prefix = dir.toAbsolutePath().toString();
        return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .filter(line -> line.split(" ")[4].startsWith(prefix))
                .toList();
    }
}
