package dev.wharf.runtime.stats;

import dev.wharf.runtime.stats.ResourceUsage.BlockIo;
import dev.wharf.runtime.stats.ResourceUsage.InterfaceCounters;
import dev.wharf.runtime.stats.ResourceUsage.Throttling;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples a container's cgroup, in either layout: cgroup v1 (one hierarchy per controller, as on this
 * hybrid host, where runc uses v1) or a unified cgroup v2 host. Counters come out in v1's units and names,
 * as dockerd reports them on each.
 */
public final class UsageReader {
    private static final Path ROOT = Path.of("/sys/fs/cgroup");
    private static final long NANOS_PER_TICK = 1_000_000_000L / 100; // USER_HZ is 100 on Linux
    private static final long UNLIMITED = Long.MAX_VALUE;

    private final boolean unified = Files.exists(ROOT.resolve("cgroup.controllers"));

    /**
     * @param cgroupsPath the container's cgroup, as in its spec (e.g. {@code /wharf/<id>})
     * @param pid the container's init process, whose network namespace is read; 0 when not running
     */
    public ResourceUsage sample(String cgroupsPath, long pid) {
        String relative = cgroupsPath.replaceFirst("^/+", "");
        Instant read = Instant.now();
        return unified ? sampleV2(ROOT.resolve(relative), pid, read) : sampleV1(relative, pid, read);
    }

    private ResourceUsage sampleV1(String relative, long pid, Instant read) {
        Path cpuacct = ROOT.resolve("cpuacct").resolve(relative);
        Path cpu = ROOT.resolve("cpu").resolve(relative);
        Path memory = ROOT.resolve("memory").resolve(relative);
        Path pids = ROOT.resolve("pids").resolve(relative);
        Path blkio = ROOT.resolve("blkio").resolve(relative);
        Map<String, Long> ticks = CgroupFiles.keyValues(cpuacct.resolve("cpuacct.stat"));
        Map<String, Long> throttle = CgroupFiles.keyValues(cpu.resolve("cpu.stat"));
        return new ResourceUsage(read,
                CgroupFiles.number(cpuacct.resolve("cpuacct.usage"), 0),
                CgroupFiles.numbers(cpuacct.resolve("cpuacct.usage_percpu")),
                ticks.getOrDefault("user", 0L) * NANOS_PER_TICK,
                ticks.getOrDefault("system", 0L) * NANOS_PER_TICK,
                systemCpuNanos(),
                onlineCpus(),
                new Throttling(throttle.getOrDefault("nr_periods", 0L), throttle.getOrDefault("nr_throttled", 0L),
                        throttle.getOrDefault("throttled_time", 0L)),
                CgroupFiles.number(memory.resolve("memory.usage_in_bytes"), 0),
                CgroupFiles.number(memory.resolve("memory.max_usage_in_bytes"), 0),
                CgroupFiles.number(memory.resolve("memory.limit_in_bytes"), UNLIMITED),
                CgroupFiles.keyValues(memory.resolve("memory.stat")),
                CgroupFiles.number(pids.resolve("pids.current"), 0),
                CgroupFiles.number(pids.resolve("pids.max"), 0),
                blkioV1(blkio.resolve("blkio.throttle.io_service_bytes_recursive")),
                blkioV1(blkio.resolve("blkio.throttle.io_serviced_recursive")),
                networks(pid));
    }

    private ResourceUsage sampleV2(Path cgroup, long pid, Instant read) {
        Map<String, Long> cpuStat = CgroupFiles.keyValues(cgroup.resolve("cpu.stat"));
        List<BlockIo> bytes = new ArrayList<>();
        List<BlockIo> ops = new ArrayList<>();
        for (String line : CgroupFiles.lines(cgroup.resolve("io.stat"))) {
            String[] parts = line.strip().split("\\s+");
            String[] device = parts[0].split(":");
            Map<String, Long> fields = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].split("=");
                fields.put(kv[0], Long.parseLong(kv[1]));
            }
            long major = Long.parseLong(device[0]);
            long minor = Long.parseLong(device[1]);
            bytes.add(new BlockIo(major, minor, "read", fields.getOrDefault("rbytes", 0L)));
            bytes.add(new BlockIo(major, minor, "write", fields.getOrDefault("wbytes", 0L)));
            ops.add(new BlockIo(major, minor, "read", fields.getOrDefault("rios", 0L)));
            ops.add(new BlockIo(major, minor, "write", fields.getOrDefault("wios", 0L)));
        }
        return new ResourceUsage(read,
                cpuStat.getOrDefault("usage_usec", 0L) * 1000,
                List.of(),
                cpuStat.getOrDefault("user_usec", 0L) * 1000,
                cpuStat.getOrDefault("system_usec", 0L) * 1000,
                systemCpuNanos(),
                onlineCpus(),
                new Throttling(cpuStat.getOrDefault("nr_periods", 0L), cpuStat.getOrDefault("nr_throttled", 0L),
                        cpuStat.getOrDefault("throttled_usec", 0L) * 1000),
                CgroupFiles.number(cgroup.resolve("memory.current"), 0),
                CgroupFiles.number(cgroup.resolve("memory.peak"), 0),
                CgroupFiles.number(cgroup.resolve("memory.max"), UNLIMITED),
                CgroupFiles.keyValues(cgroup.resolve("memory.stat")),
                CgroupFiles.number(cgroup.resolve("pids.current"), 0),
                CgroupFiles.number(cgroup.resolve("pids.max"), 0),
                bytes, ops, networks(pid));
    }

    /** {@code 8:0 Read 4096} lines; the cgroup's own {@code Total} line is left out, as dockerd does. */
    private static List<BlockIo> blkioV1(Path file) {
        List<BlockIo> entries = new ArrayList<>();
        for (String line : CgroupFiles.lines(file)) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 3 && parts[0].contains(":")) {
                String[] device = parts[0].split(":");
                entries.add(new BlockIo(Long.parseLong(device[0]), Long.parseLong(device[1]), parts[1],
                        Long.parseLong(parts[2])));
            }
        }
        return entries;
    }

    /** /proc/stat's first line, in nanoseconds: user nice system idle iowait irq softirq steal. */
    private static long systemCpuNanos() {
        for (String line : CgroupFiles.lines(Path.of("/proc/stat"))) {
            if (line.startsWith("cpu ")) {
                String[] fields = line.substring(4).strip().split("\\s+");
                long ticks = 0;
                for (int i = 0; i < Math.min(8, fields.length); i++) {
                    ticks += Long.parseLong(fields[i]);
                }
                return ticks * NANOS_PER_TICK;
            }
        }
        return 0;
    }

    private static int onlineCpus() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** /proc/PID/net/dev shows the counters of that process's network namespace. */
    private static Map<String, InterfaceCounters> networks(long pid) {
        Map<String, InterfaceCounters> networks = new LinkedHashMap<>();
        if (pid <= 0) {
            return networks;
        }
        for (String line : CgroupFiles.lines(Path.of("/proc", Long.toString(pid), "net", "dev"))) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).strip();
            String[] f = line.substring(colon + 1).strip().split("\\s+");
            if (name.equals("lo") || f.length < 16) {
                continue; // dockerd reports the container's own interfaces, not loopback
            }
            networks.put(name, new InterfaceCounters(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3]), Long.parseLong(f[8]), Long.parseLong(f[9]), Long.parseLong(f[10]),
                    Long.parseLong(f[11])));
        }
        return networks;
    }
}
