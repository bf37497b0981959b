package dev.wharf.runtime;

import java.util.List;

/**
 * A container's cgroup limits and rlimits, from Docker's HostConfig in the kernel's units. Zero (or an
 * empty string) means unset, as in Docker; {@code memorySwap} -1 means unlimited swap.
 *
 * @param cpuQuota microseconds per {@code cpuPeriod} (from {@code --cpus} or {@code --cpu-quota})
 * @param shmSize bytes of the container's /dev/shm
 */
public record ContainerResources(
        long memory,
        long memorySwap,
        long memoryReservation,
        boolean oomKillDisable,
        long cpuShares,
        long cpuQuota,
        long cpuPeriod,
        String cpusetCpus,
        String cpusetMems,
        long pidsLimit,
        long blkioWeight,
        long shmSize,
        List<Rlimit> rlimits) {

    public static final long DEFAULT_SHM_SIZE = 64L * 1024 * 1024;
    public static final ContainerResources NONE =
            new ContainerResources(0, 0, 0, false, 0, 0, 0, "", "", 0, 0, DEFAULT_SHM_SIZE, List.of());

    /** One {@code --ulimit}: {@code type} is the kernel's name, e.g. {@code RLIMIT_NOFILE}. */
    public record Rlimit(String type, long soft, long hard) {}
}
