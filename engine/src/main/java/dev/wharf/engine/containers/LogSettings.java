package dev.wharf.engine.containers;

import dev.wharf.api.types.LogConfig;
import dev.wharf.engine.errors.InvalidArgumentException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container's logging, from {@code HostConfig.LogConfig}, with Docker's validation at create:
 * the {@code json-file} (default: no limit), {@code local} (20m × 5) and {@code none} drivers, and
 * their {@code max-size}/{@code max-file} rotation. conmon writes the log in every case (k8s-file
 * lines); with {@code max-file} 1 conmon truncates it at {@code max-size} itself, with more files
 * {@link LogRotation} renames it to {@code .1}, {@code .2}… while wharfd runs.
 *
 * @param maxSize bytes, 0 for no limit
 * @param labels label keys whose values {@code logs --details} shows ({@code --log-opt labels=a,b})
 * @param env environment variables {@code logs --details} shows ({@code --log-opt env=A,B})
 */
record LogSettings(String driver, long maxSize, int maxFile, List<String> labels, List<String> env) {
    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "json-file", Set.of("max-size", "max-file", "compress", "labels", "labels-regex", "env", "env-regex", "tag"),
            "local", Set.of("max-size", "max-file", "compress"),
            "none", Set.of());
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgtp]?)(i?b)?", Pattern.CASE_INSENSITIVE);

    static LogSettings of(LogConfig config) {
        String driver = config == null || config.type() == null || config.type().isEmpty() ? "json-file" : config.type();
        Map<String, String> options = config == null || config.config() == null ? Map.of() : config.config();
        Set<String> accepted = OPTIONS.get(driver);
        if (accepted == null) {
            throw new InvalidArgumentException("logger: no log driver named '" + driver + "' is registered");
        }
        for (String key : options.keySet()) {
            if (!accepted.contains(key)) {
                throw new InvalidArgumentException("unknown log opt '" + key + "' for " + driver + " log driver");
            }
        }
        boolean local = driver.equals("local");
        long maxSize = options.containsKey("max-size") ? size(options.get("max-size")) : local ? 20L << 20 : 0;
        int maxFile = options.containsKey("max-file") ? files(options.get("max-file")) : local ? 5 : 1;
        return new LogSettings(driver, maxSize, maxFile, list(options.get("labels")), list(options.get("env")));
    }

    boolean readable() {
        return !driver.equals("none");
    }

    /** Whether wharfd renames the log into numbered files (conmon only truncates). */
    boolean rotates() {
        return maxSize > 0 && maxFile > 1;
    }

    /** docker-units' RAMInBytes: binary multiples ({@code 10m} = 10 MiB), case-insensitive, optional {@code b}/{@code ib}. */
    static long size(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new InvalidArgumentException("invalid size: '" + text + "'");
        }
        int shift = switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            case "p" -> 50;
            default -> 0;
        };
        return (long) (Double.parseDouble(m.group(1)) * (1L << shift));
    }

    private static int files(String text) {
        int n;
        try {
            n = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("strconv.Atoi: parsing \"" + text + "\": invalid syntax");
        }
        if (n < 1) {
            throw new InvalidArgumentException("max-file cannot be less than 1");
        }
        return n;
    }

    private static List<String> list(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
