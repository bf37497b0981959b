package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Resource limits reach the container's cgroups and rlimits; OOM kills are reported; bad values are refused. */
class LimitsTest extends EndToEndTest {
    /** The cgroup v1 file, or its cgroup v2 counterpart on a unified host. */
    private static String cgroupValue(String v1, String v2) {
        return "cat /sys/fs/cgroup/" + v1 + " 2>/dev/null || cat /sys/fs/cgroup/" + v2;
    }

    @Test
    void limitsAreVisibleInTheContainersCgroups() {
        String out = dockerOk("run", "--rm", "-m", "64m", "--memory-reservation", "32m", "--cpus", "0.5",
                "--cpu-shares", "512", "--pids-limit", "50", "--cpuset-cpus", "0", "busybox", "sh", "-c",
                String.join("; ",
                        cgroupValue("memory/memory.limit_in_bytes", "memory.max"),
                        cgroupValue("memory/memory.memsw.limit_in_bytes", "memory.swap.max"),
                        cgroupValue("memory/memory.soft_limit_in_bytes", "memory.low"),
                        "cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us /sys/fs/cgroup/cpu/cpu.cfs_period_us 2>/dev/null"
                                + " || cat /sys/fs/cgroup/cpu.max",
                        cgroupValue("cpu/cpu.shares", "cpu.weight"),
                        cgroupValue("pids/pids.max", "pids.max"),
                        cgroupValue("cpuset/cpuset.cpus", "cpuset.cpus")));
        if (out.contains("max")) { // cgroup v2: swap.max is swap alone, cpu.max "quota period"
            assertThat(out.lines()).startsWith("67108864", "67108864", "33554432", "50000 100000");
        } else {
            assertThat(out.lines()).containsExactly("67108864", "134217728", "33554432", "50000", "100000", "512", "50", "0");
        }
    }

    @Test
    void ulimitAndShmSize() {
        assertThat(wharfOk("run", "--rm", "--ulimit", "nofile=1000:2000", "--shm-size", "32m", "busybox", "sh", "-c",
                "ulimit -n; ulimit -Hn; df -k /dev/shm | tail -1").lines())
                .startsWith("1000", "2000")
                .anySatisfy(line -> assertThat(line).contains("32768"));
        assertThat(dockerOk("run", "--rm", "--ulimit", "nproc=77", "busybox", "sh", "-c", "ulimit -u").strip()).isEqualTo("77");
    }

    @Test
    void anOomKillIsReported() {
        CommandResult run = docker.run("run", "--name", "hog", "-m", "8m", "--memory-swap", "8m", "busybox", "sh", "-c",
                "x=a; while true; do x=$x$x; done");
        assertThat(run.exitCode()).isEqualTo(137);
        assertThat(dockerOk("inspect", "-f", "{{.State.OOMKilled}} {{.State.ExitCode}}", "hog").strip()).isEqualTo("true 137");
        assertThat(wharfOk("inspect", "-f", "{{.HostConfig.Memory}}", "hog").strip()).isEqualTo("8388608");
        dockerOk("rm", "hog");
    }

    @Test
    void oomKillerCanBeDisabledWithAWarningFreeLimit() {
        String id = dockerOk("create", "-m", "16m", "--oom-kill-disable", "busybox", "true").strip();
        assertThat(dockerOk("inspect", "-f", "{{.HostConfig.OomKillDisable}}", id).strip()).isEqualTo("true");
        dockerOk("rm", id);
    }

    @Test
    void badValuesAreRefusedWithDockersMessages() {
        CommandResult tooSmall = docker.run("run", "--rm", "-m", "1m", "busybox", "true");
        assertThat(tooSmall.exitCode()).isEqualTo(125);
        assertThat(tooSmall.stderr()).contains("Minimum memory limit allowed is 6MB");
        CommandResult swapBelowMemory = wharf.run("run", "--rm", "-m", "64m", "--memory-swap", "32m", "busybox", "true");
        assertThat(swapBelowMemory.exitCode()).isEqualTo(125);
        assertThat(swapBelowMemory.stderr()).contains("Minimum memoryswap limit should be larger than memory limit");
        CommandResult notASize = wharf.run("run", "--rm", "-m", "lots", "busybox", "true");
        assertThat(notASize.exitCode()).isEqualTo(125);
        assertThat(notASize.stderr()).contains("invalid argument \"lots\" for \"-m, --memory\" flag: invalid size: 'lots'");
        CommandResult tooManyCpus = docker.run("run", "--rm", "--cpus", "512", "busybox", "true");
        assertThat(tooManyCpus.exitCode()).isEqualTo(125);
        assertThat(tooManyCpus.stderr()).contains("Range of CPUs is from 0.01 to");
        CommandResult badUlimit = docker.run("run", "--rm", "--ulimit", "bogus=1", "busybox", "true");
        assertThat(badUlimit.exitCode()).isEqualTo(125);
        assertThat(badUlimit.stderr()).contains("invalid ulimit type: bogus");
        assertThat(wharfOk("ps", "-aq")).isEmpty();
    }
}
