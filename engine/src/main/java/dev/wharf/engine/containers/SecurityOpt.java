package dev.wharf.engine.containers;

import dev.wharf.engine.errors.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;

/** One {@code --security-opt}, as dockerd reads them (both {@code key=value} and the old {@code key:value}). */
sealed interface SecurityOpt {
    /** {@code seccomp=unconfined} or a profile's JSON (the docker CLI sends the file's content). */
    record Seccomp(String profile) implements SecurityOpt {}

    record NoNewPrivileges(boolean enabled) implements SecurityOpt {}

    /** AppArmor and SELinux labels: this host has neither, so dockerd would ignore them too. */
    record Ignored(String option) implements SecurityOpt {}

    static List<SecurityOpt> parseAll(List<String> options) {
        List<SecurityOpt> parsed = new ArrayList<>();
        for (String option : options == null ? List.<String>of() : options) {
            parsed.add(parse(option));
        }
        return parsed;
    }

    private static SecurityOpt parse(String option) {
        if (option.equals("no-new-privileges")) {
            return new NoNewPrivileges(true);
        }
        int split = option.indexOf('=') >= 0 ? option.indexOf('=') : option.indexOf(':');
        if (split < 0) {
            throw invalid(1, option);
        }
        String key = option.substring(0, split);
        String value = option.substring(split + 1);
        return switch (key) {
            case "seccomp" -> new Seccomp(value);
            case "no-new-privileges" -> switch (value) {
                case "true", "1", "t", "T", "TRUE", "True" -> new NoNewPrivileges(true);
                case "false", "0", "f", "F", "FALSE", "False" -> new NoNewPrivileges(false);
                default -> throw invalid(2, option);
            };
            case "apparmor", "label" -> new Ignored(option);
            default -> throw invalid(2, option);
        };
    }

    /** dockerd numbers its two checks: 1 = not key=value, 2 = unknown key or value. */
    private static InvalidArgumentException invalid(int check, String option) {
        return new InvalidArgumentException("invalid --security-opt " + check + ": \"" + option + "\"");
    }
}
