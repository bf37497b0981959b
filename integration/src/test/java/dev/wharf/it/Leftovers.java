package dev.wharf.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a test run could leave on the machine: mounts and processes that mention its temporary root,
 * and container cgroups under the daemon's own cgroup parent.
 */
final class Leftovers {
    private static final Path CGROUPS = Path.of("/sys/fs/cgroup");

    private Leftovers() {}

    static List<String> find(Path root, String cgroupParent) throws IOException {
        List<String> found = new ArrayList<>(mountsUnder(root));
        for (String process : processesMentioning(root)) {
            found.add("process: " + process);
        }
        containerCgroups(cgroupParent).forEach(cgroup -> found.add("cgroup: " + cgroup));
        return found;
    }

    /** OCI bundles still in the runtime's directory (runc's own state directory aside). */
    static List<String> bundles(Path runtimeDir) throws IOException {
        if (!Files.isDirectory(runtimeDir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(runtimeDir)) {
            return entries.filter(dir -> Files.exists(dir.resolve("config.json")))
                    .map(dir -> "bundle: " + dir)
                    .toList();
        }
    }

    static List<String> mountsUnder(Path root) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .filter(line -> line.contains(root.toString()))
                .map(line -> "mount: " + line)
                .toList();
    }

    /** Cgroup directories under the parent, in any hierarchy. */
    static Set<String> containerCgroups(String cgroupParent) throws IOException {
        Set<String> cgroups = new TreeSet<>();
        for (Path parent : parentCgroups(cgroupParent)) {
            try (Stream<Path> children = Files.list(parent)) {
                children.filter(Files::isDirectory).forEach(c -> cgroups.add(c.toString()));
            }
        }
        return cgroups;
    }

    /** Removes the (by now empty) parent cgroup directories the runtime created. */
    static void removeParentCgroups(String cgroupParent) throws IOException {
        for (Path parent : parentCgroups(cgroupParent)) {
            Files.deleteIfExists(parent); // rmdir of an empty cgroup; fails loudly if a child is still there
        }
    }

    private static List<Path> parentCgroups(String cgroupParent) throws IOException {
        String relative = cgroupParent.replaceFirst("^/+", "");
        try (Stream<Path> hierarchies = Files.list(CGROUPS)) {
            List<Path> parents = new ArrayList<>();
            for (Path hierarchy : hierarchies.toList()) {
                Path parent = hierarchy.resolve(relative);
                if (!Files.isSymbolicLink(hierarchy) && Files.isDirectory(parent)) {
                    parents.add(parent);
                }
            }
            return parents;
        }
    }

    static List<String> processesMentioning(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit) || name.equals(String.valueOf(ProcessHandle.current().pid()))) {
                    continue;
                }
                try {
                    String cmdline = Files.readString(entry.resolve("cmdline")).replace('\0', ' ');
                    if (cmdline.contains(root.toString())) {
                        found.add(name + " " + cmdline);
                    }
                } catch (IOException vanished) {
                    // the process exited while we looked
                }
            }
        }
        return found;
    }
}
