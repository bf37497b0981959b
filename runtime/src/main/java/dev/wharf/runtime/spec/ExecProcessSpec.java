package dev.wharf.runtime.spec;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.runtime.ContainerSpec.ProcessUser;
import dev.wharf.runtime.ExecSpec;
import dev.wharf.runtime.spec.OciProcess.OciCapabilities;
import dev.wharf.runtime.spec.OciProcess.OciUser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The OCI {@code process} object of an exec, which conmon hands to {@code runc exec --process}. */
public final class ExecProcessSpec {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every capability of Linux 6.x, in kernel order (the index is the capability's number). */
    private static final List<String> ALL_CAPABILITIES = List.of(
            "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL",
            "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE",
            "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE",
            "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT",
            "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
            "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN",
            "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF",
            "CAP_CHECKPOINT_RESTORE");

    private ExecProcessSpec() {}

    public static OciProcess generate(ExecSpec spec) {
        ProcessUser user = spec.user() == null ? ProcessUser.ROOT : spec.user();
        List<String> caps = spec.privileged() ? HeldCapabilities.bounding(ALL_CAPABILITIES) : DockerDefaults.CAPABILITIES;
        return new OciProcess(
                spec.tty(),
                new OciUser(user.uid(), user.gid(), user.additionalGids()),
                spec.args(),
                spec.env() == null ? List.of() : spec.env(),
                spec.workingDir() == null || spec.workingDir().isEmpty() ? "/" : spec.workingDir(),
                new OciCapabilities(caps, caps, caps),
                false,
                0);
    }

    public static void write(ExecSpec spec, Path file) throws IOException {
        JSON.writeValue(file.toFile(), generate(spec));
    }
}
