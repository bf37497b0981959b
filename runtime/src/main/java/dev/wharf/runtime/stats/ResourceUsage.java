package dev.wharf.runtime.stats;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One sample of a container's resource usage, read from its cgroups and its network namespace: what
 * {@code docker stats} is computed from. CPU times are nanoseconds.
 *
 * @param systemCpuNanos the host's total CPU time (all CPUs, /proc/stat), the base of the CPU percentage
 * @param memoryStats the memory controller's counters, under cgroup v1's names on a v1 host
 * @param networks per interface inside the container
 */
public record ResourceUsage(
        Instant read,
        long cpuTotalNanos,
        List<Long> perCpuNanos,
        long cpuUserNanos,
        long cpuKernelNanos,
        long systemCpuNanos,
        int onlineCpus,
        Throttling throttling,
        long memoryUsage,
        long memoryMaxUsage,
        long memoryLimit,
        Map<String, Long> memoryStats,
        long pids,
        long pidsLimit,
        List<BlockIo> ioServiceBytes,
        List<BlockIo> ioServiced,
        Map<String, InterfaceCounters> networks) {

    public record Throttling(long periods, long throttledPeriods, long throttledTimeNanos) {}

    /** One line of blkio's accounting: a device and an operation (Read, Write, Sync, Async, Discard, Total). */
    public record BlockIo(long major, long minor, String op, long value) {}

    public record InterfaceCounters(long rxBytes, long rxPackets, long rxErrors, long rxDropped,
            long txBytes, long txPackets, long txErrors, long txDropped) {}
}
