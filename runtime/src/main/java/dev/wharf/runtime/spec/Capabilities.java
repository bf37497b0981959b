package dev.wharf.runtime.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Docker's capability arithmetic: the default set, then {@code --cap-drop}, then {@code --cap-add}. */
public final class Capabilities {
    /** Every capability Linux 5.x and 6.x know, by number. */
    static final List<String> KNOWN = List.of(
            "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL",
            "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE",
            "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE",
            "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT",
            "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
            "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN",
            "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF",
            "CAP_CHECKPOINT_RESTORE");

    private Capabilities() {}

    /** The container's set; throws {@link IllegalArgumentException} with Docker's message for an unknown name. */
    public static List<String> resolve(List<String> add, List<String> drop) {
        List<String> adds = normalize(add, "CapAdd");
        List<String> drops = normalize(drop, "CapDrop");
        Set<String> result = new LinkedHashSet<>();
        if (!drops.contains("ALL")) {
            result.addAll(DockerDefaults.CAPABILITIES);
            drops.forEach(result::remove);
        }
        if (adds.contains("ALL")) {
            result.addAll(supported());
        } else {
            result.addAll(adds);
        }
        return List.copyOf(result);
    }

    /**
     * What {@code --privileged} gets: every capability the daemon itself holds (its bounding set). More would
     * make runc's capset fail: root here lacks CAP_SYS_RESOURCE.
     */
    public static List<String> supported() {
        long bounding = -1L;
        try {
            // readAllLines: Files.readString sees /proc files truncated
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapBnd:")) {
                    bounding = Long.parseUnsignedLong(line.substring("CapBnd:".length()).strip(), 16);
                }
            }
        } catch (IOException | NumberFormatException unreadable) {
            // assume all of them
        }
        List<String> caps = new ArrayList<>();
        for (int bit = 0; bit < KNOWN.size(); bit++) {
            if ((bounding & (1L << bit)) != 0) {
                caps.add(KNOWN.get(bit));
            }
        }
        return caps;
    }

    private static List<String> normalize(List<String> names, String field) {
        List<String> result = new ArrayList<>();
        for (String name : names == null ? List.<String>of() : names) {
            String upper = name.strip().toUpperCase(Locale.ROOT);
            if (upper.equals("ALL")) {
                result.add(upper);
                continue;
            }
            String cap = upper.startsWith("CAP_") ? upper : "CAP_" + upper;
            if (!KNOWN.contains(cap)) {
                throw new IllegalArgumentException("invalid " + field + ": unknown capability: \"" + cap + "\"");
            }
            result.add(cap);
        }
        return result;
    }
}
