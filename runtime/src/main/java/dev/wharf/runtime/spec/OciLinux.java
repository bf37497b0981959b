package dev.wharf.runtime.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The Linux section. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OciLinux(
        Map<String, String> sysctl,
        Resources resources,
        String cgroupsPath,
        List<Namespace> namespaces,
        List<OciDevice> devices,
        OciSeccomp seccomp,
        List<String> maskedPaths,
        List<String> readonlyPaths) {

    /** cgroup settings; absent parts leave the controller's defaults. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resources(List<DeviceRule> devices, Memory memory, Cpu cpu, Pids pids, BlockIo blockIO) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Memory(Long limit, Long reservation, Long swap, boolean disableOOMKiller) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cpu(long shares, Long quota, Long period, String cpus, String mems) {}

    public record Pids(long limit) {}

    public record BlockIo(long weight) {}

    /** One cgroup device rule; type, major and minor absent = all. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeviceRule(boolean allow, String type, Long major, Long minor, String access) {
        public static DeviceRule denyAll() {
            return new DeviceRule(false, null, null, null, "rwm");
        }

        public static DeviceRule charDevice(boolean allow, long major, long minor) {
            return new DeviceRule(allow, "c", major, minor, "rwm");
        }

        public static DeviceRule allowAll() {
            return new DeviceRule(true, null, null, null, "rwm");
        }
    }

    /** A namespace to create (no path) or join (path). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Namespace(String type, String path) {
        public static Namespace fresh(String type) {
            return new Namespace(type, null);
        }
    }
}
