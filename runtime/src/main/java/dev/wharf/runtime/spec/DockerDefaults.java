package dev.wharf.runtime.spec;

import dev.wharf.runtime.spec.OciLinux.DeviceRule;
import dev.wharf.runtime.spec.OciLinux.Namespace;
import java.util.List;
import java.util.Map;

/** What dockerd 20.10 puts in every non-privileged container's config.json (see shared/reference/oci). */
final class DockerDefaults {
    static final String OCI_VERSION = "1.0.2-dev";

    static final List<String> CAPABILITIES = List.of(
            "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW",
            "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE",
            "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE");

    static final List<OciMount> MOUNTS = List.of(
            new OciMount("/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev")),
            new OciMount("/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k")),
            new OciMount("/dev/pts", "devpts", "devpts",
                    List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5")),
            new OciMount("/sys", "sysfs", "sysfs", List.of("nosuid", "noexec", "nodev", "ro")),
            new OciMount("/sys/fs/cgroup", "cgroup", "cgroup", List.of("ro", "nosuid", "noexec", "nodev")),
            new OciMount("/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev")),
            new OciMount("/dev/shm", "tmpfs", "shm",
                    List.of("nosuid", "noexec", "nodev", "mode=1777", "size=67108864")));

    /** Creation order as dockerd writes it; runc brings up {@code lo} in the new network namespace. */
    static final List<Namespace> NAMESPACES = List.of(
            Namespace.fresh("mount"), Namespace.fresh("network"), Namespace.fresh("uts"),
            Namespace.fresh("pid"), Namespace.fresh("ipc"));

    /** The cgroup device list; runc adds its own defaults (pts, ptmx, full…) after these. */
    static final List<DeviceRule> DEVICES = List.of(
            DeviceRule.denyAll(),
            DeviceRule.charDevice(true, 1, 5),
            DeviceRule.charDevice(true, 1, 3),
            DeviceRule.charDevice(true, 1, 9),
            DeviceRule.charDevice(true, 1, 8),
            DeviceRule.charDevice(true, 5, 0),
            DeviceRule.charDevice(true, 5, 1),
            DeviceRule.charDevice(false, 10, 229));

    /** Per network namespace, so they only affect the container: unprivileged ports and ping for any user. */
    static final Map<String, String> SYSCTLS = Map.of(
            "net.ipv4.ip_unprivileged_port_start", "0",
            "net.ipv4.ping_group_range", "0 2147483647");

    static final List<String> MASKED_PATHS = List.of(
            "/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
            "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware");

    static final List<String> READONLY_PATHS = List.of(
            "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

    private DockerDefaults() {}
}
