package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code top} with ps options and {@code update} of limits (seen in the cgroup) and restart policy, both clients. */
class TopAndUpdateTest extends EndToEndTest {

    @Test
    void topListsTheContainersProcessesOnly() {
        wharfOk("run", "-d", "--name", "topped", "busybox", "sh", "-c", "sleep 300 & sleep 301; wait");
        for (Cli cli : new Cli[] {wharf, docker}) {
            ContainerControlTest.await(() -> cli.run("top", "topped").stdout().contains("sleep 301"));
            String table = ok(cli, "top", "topped");
            assertThat(table.lines().findFirst().orElseThrow()).startsWith("UID").contains("PID", "PPID", "CMD");
            assertThat(table.lines().count()).isEqualTo(4); // header, sh, two sleeps
            String custom = ok(cli, "top", "topped", "-o", "pid,args");
            assertThat(custom.lines().findFirst().orElseThrow()).matches("PID\\s+COMMAND");
            assertThat(custom).contains("sleep 300").contains("sleep 301").doesNotContain("java");
        }
        wharfOk("rm", "-f", "topped");
        dockerOk("create", "--name", "idle", "busybox", "true");
        CommandResult stopped = docker.run("top", "idle");
        assertThat(stopped.exitCode()).isEqualTo(1);
        assertThat(stopped.stderr()).contains("is not running");
        wharfOk("rm", "idle");
    }

    @Test
    void updateWritesLimitsThroughRuncAndKeepsThem() throws Exception {
        String id = wharfOk("run", "-d", "--name", "limited", "busybox", "sleep", "300").strip();
        assertThat(dockerOk("update", "--memory", "64m", "--memory-swap", "128m", "--cpu-shares", "512",
                "--pids-limit", "50", "limited")).isEqualTo("limited\n");
        assertThat(wharfOk("update", "--cpus", "0.5", "--restart", "on-failure:3", "limited")).isEqualTo("limited\n");
        assertThat(dockerOk("inspect", "-f", "{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.CpuShares}}"
                + " {{.HostConfig.PidsLimit}} {{.HostConfig.NanoCpus}} {{.HostConfig.RestartPolicy.Name}}"
                + " {{.HostConfig.RestartPolicy.MaximumRetryCount}}", "limited").strip())
                .isEqualTo("67108864 134217728 512 50 500000000 on-failure 3");
        String cgroup = "/" + daemon.cgroupParent().replaceFirst("^/", "") + "/" + id;
        assertThat(read("memory", cgroup, "memory.limit_in_bytes")).isEqualTo("67108864");
        assertThat(read("cpu", cgroup, "cpu.shares")).isEqualTo("512");
        assertThat(read("cpu", cgroup, "cpu.cfs_quota_us")).isEqualTo("50000");
        assertThat(read("pids", cgroup, "pids.max")).isEqualTo("50");

        CommandResult noSwap = docker.run("update", "--memory", "256m", "limited");
        assertThat(noSwap.exitCode()).isEqualTo(1);
        assertThat(noSwap.stderr()).contains("Memory limit should be smaller than already set memoryswap limit");
        CommandResult missing = wharf.run("update", "--cpu-shares", "100", "limited", "nosuch");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stdout()).isEqualTo("limited\n");
        assertThat(missing.stderr()).contains("No such container: nosuch");
        wharfOk("rm", "-f", "limited");
    }

    private static String read(String controller, String cgroup, String file) throws Exception {
        Path path = Path.of("/sys/fs/cgroup", controller).resolve(cgroup.substring(1)).resolve(file);
        return Files.readString(path).strip();
    }

    private static String ok(Cli cli, String... args) {
        CommandResult result = cli.run(args);
        assertThat(result.exitCode()).as("%s\n%s", String.join(" ", args), result).isZero();
        return result.stdout();
    }
}
