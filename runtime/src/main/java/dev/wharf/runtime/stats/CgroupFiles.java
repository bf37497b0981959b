package dev.wharf.runtime.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading cgroup and proc files, which report a size of 4096 or 0: always read lines, never by size. */
final class CgroupFiles {
    private CgroupFiles() {}

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException absent) {
            return List.of(); // a controller that is not mounted, or a cgroup gone with its container
        }
    }

    /** The first number in the file, or {@code fallback}; "max" (v2's unlimited) reads as fallback too. */
    static long number(Path file, long fallback) {
        List<String> lines = lines(file);
        if (lines.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(lines.getFirst().strip().split("\\s+")[0]);
        } catch (NumberFormatException notANumber) {
            return fallback;
        }
    }

    /** {@code key value} lines (memory.stat, cpu.stat) as a map. */
    static Map<String, Long> keyValues(Path file) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : lines(file)) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 2) {
                try {
                    values.put(parts[0], Long.parseLong(parts[1]));
                } catch (NumberFormatException ignored) {
                    // not a counter
                }
            }
        }
        return values;
    }

    /** Space-separated numbers on one line (cpuacct.usage_percpu). */
    static List<Long> numbers(Path file) {
        List<Long> numbers = new ArrayList<>();
        for (String line : lines(file)) {
            for (String part : line.strip().split("\\s+")) {
                if (!part.isEmpty()) {
                    numbers.add(Long.parseLong(part));
                }
            }
        }
        return numbers;
    }
}
