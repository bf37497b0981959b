package dev.wharf.engine.containers;

import dev.wharf.api.types.ContainerStats;
import dev.wharf.api.types.ContainerStats.BlkioEntry;
import dev.wharf.runtime.stats.ResourceUsage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A runtime usage sample as dockerd's stats JSON: this sample in cpu_stats, the previous one in precpu_stats. */
final class StatsViews {
    /** What dockerd sends for the fields of a sample it does not have (a Go zero time). */
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private StatsViews() {}

    static ContainerStats of(ContainerRecord record, ResourceUsage current, ResourceUsage previous) {
        var memory = new ContainerStats.MemoryStats(current.memoryUsage(), current.memoryMaxUsage(),
                current.memoryStats(), current.memoryLimit());
        var blkio = new ContainerStats.BlkioStats(entries(current.ioServiceBytes()), entries(current.ioServiced()),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        Map<String, ContainerStats.NetworkStats> networks = new LinkedHashMap<>();
        current.networks().forEach((name, c) -> networks.put(name, new ContainerStats.NetworkStats(c.rxBytes(),
                c.rxPackets(), c.rxErrors(), c.rxDropped(), c.txBytes(), c.txPackets(), c.txErrors(), c.txDropped())));
        return new ContainerStats(Timestamps.rfc3339Nano(current.read()),
                previous == null ? ZERO_TIME : Timestamps.rfc3339Nano(previous.read()),
                new ContainerStats.PidsStats(current.pids(), current.pidsLimit()), blkio, 0, Map.of(),
                cpu(current), previous == null ? emptyCpu() : cpu(previous), memory, "/" + record.name(), record.id(),
                networks);
    }

    /** A container that is not running: dockerd answers with zeros. */
    static ContainerStats empty(ContainerRecord record) {
        return new ContainerStats(ZERO_TIME, ZERO_TIME, new ContainerStats.PidsStats(0, 0),
                new ContainerStats.BlkioStats(null, null, null, null, null, null, null, null), 0, Map.of(),
                emptyCpu(), emptyCpu(), new ContainerStats.MemoryStats(0, 0, Map.of(), 0), "/" + record.name(),
                record.id(), Map.of());
    }

    private static ContainerStats.CpuStats cpu(ResourceUsage usage) {
        return new ContainerStats.CpuStats(
                new ContainerStats.CpuUsage(usage.cpuTotalNanos(), usage.perCpuNanos(), usage.cpuKernelNanos(),
                        usage.cpuUserNanos()),
                usage.systemCpuNanos(), usage.onlineCpus(),
                new ContainerStats.ThrottlingData(usage.throttling().periods(), usage.throttling().throttledPeriods(),
                        usage.throttling().throttledTimeNanos()));
    }

    private static ContainerStats.CpuStats emptyCpu() {
        return new ContainerStats.CpuStats(new ContainerStats.CpuUsage(0, List.of(), 0, 0), 0, 0,
                new ContainerStats.ThrottlingData(0, 0, 0));
    }

    private static List<BlkioEntry> entries(List<ResourceUsage.BlockIo> lines) {
        // ops as the cgroup names them: Read/Write on v1, read/write on v2, as dockerd passes them on
        return lines.stream().map(l -> new BlkioEntry(l.major(), l.minor(), l.op(), l.value())).toList();
    }
}
