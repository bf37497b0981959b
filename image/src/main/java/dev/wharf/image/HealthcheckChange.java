package dev.wharf.image;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code HEALTHCHECK [--interval=…] [--timeout=…] [--start-period=…] [--start-interval=…] [--retries=…] CMD …}
 * or {@code HEALTHCHECK NONE} in a {@code --change}, with the Dockerfile parser's flags and messages.
 */
final class HealthcheckChange {
    private static final Set<String> FLAGS = Set.of("interval", "timeout", "start-period", "start-interval", "retries");
    private static final long MINIMUM_NANOS = 1_000_000;

    private HealthcheckChange() {}

    static HealthConfig parse(String rest) {
        Map<String, String> flags = new HashMap<>();
        String text = rest;
        while (text.startsWith("--")) {
            int space = ChangeParser.firstSpace(text);
            String flag = space < 0 ? text : text.substring(0, space);
            text = space < 0 ? "" : text.substring(space).strip();
            if (flag.equals("--")) {
                break;
            }
            addFlag(flags, flag.substring(2));
        }
        int space = ChangeParser.firstSpace(text);
        String type = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
        String args = space < 0 ? "" : text.substring(space).strip();
        return switch (type) {
            case "NONE" -> {
                if (!args.isEmpty()) {
                    throw new InvalidChangeException("HEALTHCHECK NONE takes no arguments");
                }
                yield new HealthConfig(List.of("NONE"), null, null, null, null, null);
            }
            case "CMD" -> new HealthConfig(test(args), duration(flags, "interval"), duration(flags, "timeout"),
                    duration(flags, "start-period"), duration(flags, "start-interval"), retries(flags));
            default -> throw new InvalidChangeException("Unknown type \"" + type + "\" in HEALTHCHECK (try CMD)");
        };
    }

    private static void addFlag(Map<String, String> flags, String flag) {
        int eq = flag.indexOf('=');
        String name = eq < 0 ? flag : flag.substring(0, eq);
        if (!FLAGS.contains(name)) {
            throw new InvalidChangeException("Unknown flag: " + name);
        }
        if (eq < 0) {
            throw new InvalidChangeException("Missing a value on flag: --" + name);
        }
        if (flags.put(name, flag.substring(eq + 1)) != null) {
            throw new InvalidChangeException("Duplicate flag specified: " + name);
        }
    }

    /** Exec form for a JSON array, else shell form. */
    private static List<String> test(String args) {
        List<String> json = ChangeParser.jsonArray(args);
        List<String> test = new ArrayList<>();
        if (json != null) {
            test.add("CMD");
            test.addAll(json);
        } else if (!args.isEmpty()) {
            test.add("CMD-SHELL");
            test.add(args);
        } else {
            throw new InvalidChangeException("Missing command after HEALTHCHECK CMD");
        }
        return List.copyOf(test);
    }

    /** Nanoseconds, null when unset; zero stays zero, anything else is at least 1 ms (parseOptInterval). */
    private static Long duration(Map<String, String> flags, String name) {
        String value = flags.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        long nanos = GoDuration.parse(value).map(Duration::toNanos).orElseThrow(
                () -> new InvalidChangeException("time: invalid duration \"" + value + "\""));
        if (nanos != 0 && nanos < MINIMUM_NANOS) {
            throw new InvalidChangeException("Interval \"" + name + "\" cannot be less than 1ms");
        }
        return nanos;
    }

    private static Integer retries(Map<String, String> flags) {
        String value = flags.get("retries");
        if (value == null || value.isEmpty()) {
            return null;
        }
        int retries;
        try {
            retries = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidChangeException("strconv.ParseInt: parsing \"" + value + "\": invalid syntax");
        }
        if (retries < 0) {
            throw new InvalidChangeException("--retries cannot be negative (" + retries + ")");
        }
        return retries;
    }
}
