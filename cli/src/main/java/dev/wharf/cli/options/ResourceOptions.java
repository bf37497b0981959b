package dev.wharf.cli.options;

import dev.wharf.api.types.HostConfig;
import dev.wharf.api.types.Ulimit;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** docker run's resource flags: memory, CPU, pids, ulimits, /dev/shm. */
public final class ResourceOptions {
    @Option(names = {"-m", "--memory"}, converter = ByteSizeConverter.class, description = "Memory limit.")
    long memory;

    @Option(names = "--memory-swap", converter = ByteSizeConverter.OrUnlimited.class,
            description = "Swap limit equal to memory plus swap: '-1' to enable unlimited swap.")
    long memorySwap;

    @Option(names = "--memory-reservation", converter = ByteSizeConverter.class, description = "Memory soft limit.")
    long memoryReservation;

    @Option(names = "--oom-kill-disable", description = "Disable OOM Killer.")
    boolean oomKillDisable;

    @Option(names = "--oom-score-adj", description = "Tune host's OOM preferences (-1000 to 1000).")
    int oomScoreAdj;

    @Option(names = "--cpus", converter = NanoCpusConverter.class, description = "Number of CPUs.")
    long nanoCpus;

    @Option(names = {"-c", "--cpu-shares"}, description = "CPU shares (relative weight).")
    long cpuShares;

    @Option(names = "--cpu-period", description = "Limit CPU CFS (Completely Fair Scheduler) period.")
    long cpuPeriod;

    @Option(names = "--cpu-quota", description = "Limit CPU CFS (Completely Fair Scheduler) quota.")
    long cpuQuota;

    @Option(names = "--cpuset-cpus", description = "CPUs in which to allow execution (0-3, 0,1).")
    String cpusetCpus = "";

    @Option(names = "--cpuset-mems", description = "MEMs in which to allow execution (0-3, 0,1).")
    String cpusetMems = "";

    @Option(names = "--pids-limit", description = "Tune container pids limit (set -1 for unlimited).")
    Long pidsLimit;

    @Option(names = "--blkio-weight", description = "Block IO (relative weight), between 10 and 1000, or 0 to disable.")
    int blkioWeight;

    @Option(names = "--ulimit", converter = UlimitConverter.class, description = "Ulimit options.")
    List<Ulimit> ulimits = new ArrayList<>();

    @Option(names = "--shm-size", converter = ByteSizeConverter.class, description = "Size of /dev/shm.")
    long shmSize;

    public void applyTo(HostConfig.Builder host) {
        host.memory(memory)
                .memorySwap(memorySwap)
                .memoryReservation(memoryReservation)
                .oomKillDisable(oomKillDisable)
                .oomScoreAdj(oomScoreAdj)
                .nanoCpus(nanoCpus)
                .cpuShares(cpuShares)
                .cpuPeriod(cpuPeriod)
                .cpuQuota(cpuQuota)
                .cpusetCpus(cpusetCpus)
                .cpusetMems(cpusetMems)
                .pidsLimit(pidsLimit)
                .blkioWeight(blkioWeight)
                .ulimits(List.copyOf(ulimits))
                .shmSize(shmSize);
    }
}
