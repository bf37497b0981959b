package dev.wharf.runtime.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The Linux section. No {@code seccomp} yet: Docker's default profile is not applied (containers run unconfined). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OciLinux(
        Map<String, String> sysctl,
        Resources resources,
        String cgroupsPath,
        List<Namespace> namespaces,
        List<String> maskedPaths,
        List<String> readonlyPaths) {

    public record Resources(List<DeviceRule> devices) {}

    /** One cgroup device rule; type, major and minor absent = all. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeviceRule(boolean allow, String type, Long major, Long minor, String access) {
        public static DeviceRule denyAll() {
            return new DeviceRule(false, null, null, null, "rwm");
        }

        public static DeviceRule charDevice(boolean allow, long major, long minor) {
            return new DeviceRule(allow, "c", major, minor, "rwm");
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
