package dev.wharf.engine.volumes;

import dev.wharf.engine.errors.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** tmpfs mount data as Docker builds it: its defaults (noexec, nosuid, nodev) and the user's size/mode. */
final class TmpfsOptions {
    /** moby's defaults for every tmpfs of a container. */
    private static final List<String> DEFAULTS = List.of("noexec", "nosuid", "nodev");
    private static final Set<String> FLAGS = Set.of("ro", "rw", "exec", "noexec", "suid", "nosuid", "dev", "nodev",
            "atime", "noatime", "diratime", "nodiratime", "relatime", "norelatime", "strictatime", "nostrictatime",
            "sync", "async", "dirsync", "mand", "nomand", "private", "rprivate", "shared", "rshared", "slave", "rslave");
    private static final Set<String> DATA_KEYS = Set.of("size", "mode", "uid", "gid", "nr_inodes", "nr_blocks", "mpol");

    private TmpfsOptions() {}

    /** {@code TmpfsOptions} of the Mount API: SizeBytes and Mode (an integer file mode). */
    static String fromMountApi(Map<String, Object> options) {
        var data = new ArrayList<String>();
        if (options != null && options.get("SizeBytes") instanceof Number size && size.longValue() > 0) {
            data.add("size=" + sizeText(size.longValue()));
        }
        if (options != null && options.get("Mode") instanceof Number mode && mode.intValue() != 0) {
            data.add("mode=" + Integer.toOctalString(mode.intValue()));
        }
        return String.join(",", data);
    }

    static void validate(String options) {
        for (String option : options.split(",")) {
            if (option.isEmpty() || FLAGS.contains(option)) {
                continue;
            }
            int eq = option.indexOf('=');
            if (eq < 0 || !DATA_KEYS.contains(option.substring(0, eq))) {
                throw new InvalidArgumentException("invalid tmpfs option [\"" + option + "\"]");
            }
        }
    }

    /** The OCI options: Docker's defaults, then the user's, a later flag overriding an earlier one. */
    static List<String> ociOptions(String userOptions, boolean readOnly) {
        var merged = new ArrayList<>(DEFAULTS);
        merged.add(MountParser.DEFAULT_PROPAGATION);
        for (String option : userOptions.split(",")) {
            if (option.isEmpty()) {
                continue;
            }
            String opposite = option.startsWith("no") ? option.substring(2) : "no" + option;
            merged.remove(opposite);
            if (option.contains("=")) {
                String key = option.substring(0, option.indexOf('=') + 1);
                merged.removeIf(o -> o.startsWith(key));
            }
            if (!merged.contains(option)) {
                merged.add(option);
            }
        }
        if (readOnly && !merged.contains("ro")) {
            merged.add("ro");
        }
        return merged;
    }

    /** moby writes SizeBytes with the largest exact unit. */
    private static String sizeText(long bytes) {
        if (bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "g";
        }
        if (bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "m";
        }
        if (bytes % 1024 == 0) {
            return (bytes >> 10) + "k";
        }
        return Long.toString(bytes);
    }
}
