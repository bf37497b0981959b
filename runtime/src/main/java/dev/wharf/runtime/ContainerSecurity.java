package dev.wharf.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What confines a container beyond its namespaces: capabilities, seccomp, devices, sysctls, the paths
 * masked in /proc and /sys, and an optional init process.
 *
 * @param capAdd capabilities added to Docker's default set ({@code ALL} for every one), with or without {@code CAP_}
 * @param capDrop capabilities dropped from it ({@code ALL} for every one)
 * @param devices host devices made available inside ({@code --device})
 * @param init a static init binary (tini) run as PID 1 in front of the container's command, or null
 */
public record ContainerSecurity(
        boolean privileged,
        List<String> capAdd,
        List<String> capDrop,
        boolean noNewPrivileges,
        SeccompPolicy seccomp,
        boolean readonlyRootfs,
        List<Device> devices,
        Map<String, String> sysctls,
        List<String> maskedPaths,
        List<String> readonlyPaths,
        int oomScoreAdj,
        Path init) {

    public static final ContainerSecurity DEFAULT = new ContainerSecurity(false, List.of(), List.of(), false,
            new SeccompPolicy.DockerDefault(), false, List.of(), Map.of(), null, null, 0, null);

    /** A {@code --device HOST[:CONTAINER[:PERMISSIONS]]}; permissions are cgroup letters, e.g. {@code rwm}. */
    public record Device(Path hostPath, String containerPath, String permissions) {}

    /** Which seccomp filter the container gets. */
    public sealed interface SeccompPolicy {
        /** Docker's default profile, adjusted to the container's capabilities. */
        record DockerDefault() implements SeccompPolicy {}

        /** No filter ({@code seccomp=unconfined}, and always with {@code --privileged}). */
        record Unconfined() implements SeccompPolicy {}

        /** A profile in Docker's JSON format, as {@code --security-opt seccomp=FILE} sends it. */
        record Custom(String dockerProfileJson) implements SeccompPolicy {}
    }
}
