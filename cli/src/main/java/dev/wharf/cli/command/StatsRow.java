package dev.wharf.cli.command;

import dev.wharf.api.types.ContainerStats;
import dev.wharf.cli.format.HumanUnits;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One container's line of {@code docker stats}, computed as the docker CLI does (stats_helpers.go). */
record StatsRow(String id, String name, double cpuPercent, double memory, double memoryLimit, double netRx,
        double netTx, double blockRead, double blockWrite, long pids) {

    static final List<String> HEADER = List.of("CONTAINER ID", "NAME", "CPU %", "MEM USAGE / LIMIT", "MEM %",
            "NET I/O", "BLOCK I/O", "PIDS");

    static StatsRow of(ContainerStats stats) {
        double netRx = 0;
        double netTx = 0;
        for (ContainerStats.NetworkStats network : stats.networks() == null ? List.<ContainerStats.NetworkStats>of()
                : stats.networks().values()) {
            netRx += network.rxBytes();
            netTx += network.txBytes();
        }
        double read = 0;
        double write = 0;
        var blkio = stats.blkioStats() == null ? null : stats.blkioStats().ioServiceBytesRecursive();
        for (ContainerStats.BlkioEntry entry : blkio == null ? List.<ContainerStats.BlkioEntry>of() : blkio) {
            switch (entry.op().isEmpty() ? ' ' : Character.toLowerCase(entry.op().charAt(0))) {
                case 'r' -> read += entry.value();
                case 'w' -> write += entry.value();
                default -> { }
            }
        }
        var memory = stats.memoryStats();
        String name = stats.name() == null ? "" : stats.name().replaceFirst("^/", "");
        return new StatsRow(stats.id(), name, cpuPercent(stats),
                memory == null ? 0 : memoryWithoutCache(memory), memory == null ? 0 : memory.limit(), netRx, netTx, read,
                write, stats.pidsStats() == null ? 0 : stats.pidsStats().current());
    }

    List<String> cells(boolean noTrunc) {
        return List.of(noTrunc ? id : id.substring(0, Math.min(12, id.length())), name, percent(cpuPercent),
                HumanUnits.bytesSize(memory) + " / " + HumanUnits.bytesSize(memoryLimit),
                percent(memoryLimit == 0 ? 0 : memory / memoryLimit * 100),
                HumanUnits.size(netRx) + " / " + HumanUnits.size(netTx),
                HumanUnits.size(blockRead) + " / " + HumanUnits.size(blockWrite),
                Long.toString(pids));
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value);
    }

    private static double cpuPercent(ContainerStats stats) {
        var now = stats.cpuStats();
        var before = stats.precpuStats();
        if (now == null || before == null || now.cpuUsage() == null || before.cpuUsage() == null) {
            return 0;
        }
        double cpuDelta = now.cpuUsage().totalUsage() - (double) before.cpuUsage().totalUsage();
        double systemDelta = now.systemCpuUsage() - (double) before.systemCpuUsage();
        int cpus = now.onlineCpus() > 0 ? now.onlineCpus()
                : now.cpuUsage().percpuUsage() == null ? 0 : now.cpuUsage().percpuUsage().size();
        return systemDelta > 0 && cpuDelta > 0 ? cpuDelta / systemDelta * cpus * 100 : 0;
    }

    /** The page cache a container can give back is not counted: v1's total_inactive_file, v2's inactive_file. */
    private static double memoryWithoutCache(ContainerStats.MemoryStats memory) {
        Map<String, Long> counters = memory.stats() == null ? Map.of() : memory.stats();
        Long inactive = counters.containsKey("total_inactive_file") ? counters.get("total_inactive_file")
                : counters.get("inactive_file");
        return inactive != null && inactive < memory.usage() ? memory.usage() - inactive : memory.usage();
    }
}
