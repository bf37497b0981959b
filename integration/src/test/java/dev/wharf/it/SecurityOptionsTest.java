package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Capabilities, seccomp, privileges, devices, sysctls, init and the other confinement flags, as docker's. */
class SecurityOptionsTest extends EndToEndTest {

    private static String status(String field) {
        return "grep '^" + field + ":' /proc/self/status | cut -f2";
    }

    @Test
    void dockersDefaultSeccompProfileIsOnUnlessUnconfined() {
        assertThat(dockerOk("run", "--rm", "busybox", "sh", "-c", status("Seccomp")).strip()).isEqualTo("2");
        assertThat(dockerOk("run", "--rm", "--security-opt", "seccomp=unconfined", "busybox", "sh", "-c",
                status("Seccomp")).strip()).isEqualTo("0");
        // the default profile refuses what needs CAP_SYS_ADMIN, even to root
        CommandResult unshare = docker.run("run", "--rm", "busybox", "unshare", "-n", "true");
        assertThat(unshare.exitCode()).isNotZero();
    }

    @Test
    void aCustomProfileFileIsApplied() throws Exception {
        Path profile = Files.writeString(root.resolve("no-mkdir.json"), """
                {
                  "defaultAction": "SCMP_ACT_ALLOW",
                  "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO"}]
                }
                """);
        for (Cli cli : new Cli[] {docker, wharf}) {
            CommandResult run = cli.run("run", "--rm", "--security-opt", "seccomp=" + profile, "busybox", "mkdir", "/x");
            assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
            assertThat(run.stderr()).contains("Operation not permitted");
        }
        Path broken = Files.writeString(root.resolve("broken.json"), "{\"defaultAction\": ");
        CommandResult refused = wharf.run("run", "--rm", "--security-opt", "seccomp=" + broken, "busybox", "true");
        assertThat(refused.exitCode()).isEqualTo(125);
        assertThat(refused.stderr()).contains("Decoding seccomp profile failed");
    }

    @Test
    void capabilitiesAreAddedAndDropped() {
        // CAP_NET_ADMIN is bit 12 alone
        assertThat(dockerOk("run", "--rm", "--cap-drop", "ALL", "--cap-add", "NET_ADMIN", "busybox", "sh", "-c",
                status("CapEff")).strip()).isEqualTo("0000000000001000");
        assertThat(wharfOk("run", "--rm", "--cap-drop", "chown", "busybox", "sh", "-c",
                "chown 1 /tmp 2>&1; echo $?").strip()).endsWith("1");
        assertThat(dockerOk("run", "--rm", "--cap-add", "SYS_ADMIN", "busybox", "sh", "-c",
                "mkdir /m && mount -t tmpfs t /m && echo mounted").strip()).isEqualTo("mounted");
        CommandResult unknown = docker.run("run", "--rm", "--cap-add", "BOGUS", "busybox", "true");
        assertThat(unknown.exitCode()).isEqualTo(125);
        assertThat(unknown.stderr()).contains("unknown capability: \"CAP_BOGUS\"");
    }

    @Test
    void privilegedGetsEveryCapabilityAndDeviceAndNoSeccomp() {
        String out = dockerOk("run", "--rm", "--privileged", "busybox", "sh", "-c",
                status("Seccomp") + "; mkdir /m && mount -t tmpfs t /m && echo mounted; test -e /dev/kmsg && echo kmsg");
        assertThat(out.lines()).containsExactly("0", "mounted", "kmsg");
    }

    @Test
    void noNewPrivilegesReadOnlyRootAndSysctls() {
        assertThat(dockerOk("run", "--rm", "--security-opt", "no-new-privileges", "busybox", "sh", "-c",
                status("NoNewPrivs")).strip()).isEqualTo("1");
        CommandResult write = docker.run("run", "--rm", "--read-only", "busybox", "touch", "/x");
        assertThat(write.exitCode()).isEqualTo(1);
        assertThat(write.stderr()).contains("Read-only file system");
        assertThat(wharfOk("run", "--rm", "--sysctl", "net.ipv4.ip_forward=1", "busybox", "cat",
                "/proc/sys/net/ipv4/ip_forward").strip()).isEqualTo("1");
        CommandResult bad = docker.run("run", "--rm", "--security-opt", "bogus=1", "busybox", "true");
        assertThat(bad.exitCode()).isEqualTo(125);
        assertThat(bad.stderr()).contains("invalid --security-opt 2: \"bogus=1\"");
    }

    @Test
    void devicesAndGroups() {
        assertThat(dockerOk("run", "--rm", "--device", "/dev/null:/dev/mynull", "busybox", "sh", "-c",
                "ls -l /dev/mynull && echo hi > /dev/mynull && echo written")).contains("1,   3").contains("written");
        CommandResult notADevice = wharf.run("run", "--rm", "--device", "/etc/hostname", "busybox", "true");
        assertThat(notADevice.exitCode()).isEqualTo(125);
        assertThat(notADevice.stderr()).contains("error gathering device information");
        assertThat(wharfOk("run", "--rm", "--group-add", "daemon", "--group-add", "4242", "busybox", "id").strip())
                .isEqualTo("uid=0(root) gid=0(root) groups=0(root),1(daemon),4242");
    }

    @Test
    void initReapsZombiesAndForwardsSignals() {
        String zombies = dockerOk("run", "--rm", "--init", "busybox", "sh", "-c",
                "i=0; while [ $i -lt 50 ]; do sh -c 'sleep 0 &'; i=$((i+1)); done; sleep 1;"
                        + " ps -o stat | grep -c '^Z' || true; ps -o pid,args | sed -n 2p");
        assertThat(zombies.lines()).containsExactly("0", "    1 /sbin/docker-init -- sh -c i=0; while [ $i -lt 50 ]; "
                + "do sh -c 'sleep 0 &'; i=$((i+1)); done; sleep 1; ps -o stat | grep -c '^Z' || true; ps -o pid,args | sed -n 2p");
        // sleep as PID 1 would ignore SIGTERM; behind the init it dies of it
        String id = dockerOk("run", "-d", "--init", "busybox", "sleep", "300").strip();
        dockerOk("stop", "-t", "30", id);
        assertThat(dockerOk("inspect", "-f", "{{.State.ExitCode}}", id).strip()).isEqualTo("143");
        dockerOk("rm", id);
    }

    @Test
    void cidfileLabelFileAndStopSignal() throws Exception {
        Path cidfile = root.resolve("cid");
        Path labels = Files.writeString(root.resolve("labels"), "# team\nteam=wharf\nbare\n");
        String id = wharfOk("create", "--cidfile", cidfile.toString(), "--label-file", labels.toString(),
                "--stop-signal", "SIGUSR1", "--stop-timeout", "7", "busybox", "true").strip();
        assertThat(Files.readString(cidfile)).isEqualTo(id);
        assertThat(dockerOk("inspect", "-f", "{{.Config.Labels.team}}|{{.Config.StopSignal}}|{{.Config.StopTimeout}}",
                id).strip()).isEqualTo("wharf|SIGUSR1|7");
        CommandResult again = wharf.run("create", "--cidfile", cidfile.toString(), "busybox", "true");
        assertThat(again.exitCode()).isEqualTo(125);
        assertThat(again.stderr()).contains("Container ID file found");
        wharfOk("rm", id);
    }
}
