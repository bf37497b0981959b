package dev.wharf.runtime.volume;

import dev.wharf.linux.ErrnoException;
import dev.wharf.linux.Syscalls;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local driver's {@code -o type=… -o device=… -o o=…}: mount(2) of {@code device} on the volume's
 * {@code _data} with {@code o} split into mount flags and filesystem data, as moby's mount.ParseOptions does.
 */
final class DriverMounts {
    private static final Map<String, Long> FLAGS = Map.of(
            "ro", Syscalls.MS_RDONLY,
            "nosuid", Syscalls.MS_NOSUID,
            "nodev", Syscalls.MS_NODEV,
            "noexec", Syscalls.MS_NOEXEC,
            "bind", Syscalls.MS_BIND,
            "rbind", Syscalls.MS_BIND | Syscalls.MS_REC);
    private static final java.util.Set<String> NO_FLAGS = java.util.Set.of("rw", "suid", "dev", "exec", "defaults");

    void mount(Map<String, String> options, Path target) throws IOException {
        String type = options.get("type");
        String device = options.getOrDefault("device", type);
        long flags = 0;
        List<String> data = new ArrayList<>();
        for (String option : options.getOrDefault("o", "").split(",")) {
            if (option.isEmpty() || NO_FLAGS.contains(option)) {
                continue;
            }
            Long flag = FLAGS.get(option);
            if (flag != null) {
                flags |= flag;
            } else {
                data.add(option);
            }
        }
        try {
            Syscalls.mount(device, target, type, flags, data.isEmpty() ? null : String.join(",", data));
        } catch (ErrnoException e) {
            throw new IOException("error while mounting volume '" + target.getParent() + "': failed to mount local volume: "
                    + "mount " + device + ":" + target + ", flags: 0x" + Long.toHexString(flags)
                    + (data.isEmpty() ? "" : ", data: " + String.join(",", data)) + ": " + e.getMessage(), e);
        }
    }

    void unmount(Path target) throws IOException {
        Syscalls.unmount(target, Syscalls.MNT_DETACH);
    }

}
