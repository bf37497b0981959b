package dev.wharf.runtime;

/**
 * New cgroup limits for a running container ({@code runc update}); null leaves a value as it is.
 * Memory values are bytes, CPU quota and period microseconds.
 */
public record ResourceUpdate(
        Long memory,
        Long memoryReservation,
        Long memorySwap,
        Long cpuShares,
        Long cpuQuota,
        Long cpuPeriod,
        String cpusetCpus,
        String cpusetMems,
        Long pidsLimit) {}
