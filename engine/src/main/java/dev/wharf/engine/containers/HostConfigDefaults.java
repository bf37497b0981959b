package dev.wharf.engine.containers;

import dev.wharf.api.types.HostConfig;
import dev.wharf.api.types.LogConfig;
import dev.wharf.api.types.RestartPolicy;
import dev.wharf.runtime.ContainerResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The values dockerd fills into a container's HostConfig at create, so inspect shows what applies. */
final class HostConfigDefaults {
    static final List<String> MASKED_PATHS = List.of(
            "/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
            "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware");
    static final List<String> READONLY_PATHS = List.of(
            "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

    private HostConfigDefaults() {}

    static HostConfig apply(HostConfig requested) {
        HostConfig given = requested == null ? HostConfig.builder().build() : requested;
        var config = given.toBuilder();
        // Logs are written by conmon in k8s-file format; "json-file" is what clients expect to be readable.
        if (given.logConfig() == null || isEmpty(given.logConfig().type())) {
            config.logConfig(new LogConfig("json-file", Map.of()));
        }
        if (isEmpty(given.networkMode())) {
            config.networkMode("default");
        }
        if (given.restartPolicy() == null) {
            config.restartPolicy(new RestartPolicy("no", 0));
        }
        if (given.shmSize() <= 0) {
            config.shmSize(ContainerResources.DEFAULT_SHM_SIZE);
        }
        if (isEmpty(given.ipcMode())) {
            config.ipcMode("private");
        }
        if (isEmpty(given.cgroupnsMode())) {
            config.cgroupnsMode(Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers")) ? "private" : "host");
        }
        if (isEmpty(given.runtime())) {
            config.runtime("runc");
        }
        if (given.consoleSize() == null || given.consoleSize().size() != 2) {
            config.consoleSize(List.of(0, 0));
        }
        if (!given.privileged() && given.maskedPaths() == null) {
            config.maskedPaths(MASKED_PATHS);
        }
        if (!given.privileged() && given.readonlyPaths() == null) {
            config.readonlyPaths(READONLY_PATHS);
        }
        return config.build();
    }

    private static boolean isEmpty(String text) {
        return text == null || text.isEmpty();
    }
}
