package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docker exec through both CLIs: streams, exit codes, flags, TTYs, events and the unhappy paths. */
class ExecTest extends EndToEndTest {
    private String id;

    @BeforeAll
    void startTarget() {
        id = wharfOk("run", "-d", "--name", "target", "-w", "/srv", "-e", "FROM_RUN=1", "busybox", "sleep", "600").strip();
    }

    @AfterAll
    void removeTarget() {
        wharf.run("rm", "-f", "target");
    }

    @Test
    void exitCodeAndStreamsComeFromTheExecdProcess() {
        for (Cli cli : new Cli[] {wharf, docker}) {
            CommandResult result = cli.run("exec", "target", "sh", "-c", "echo out; echo err >&2; exit 3");
            assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
            assertThat(result.stdout()).isEqualTo("out\n");
            assertThat(result.stderr()).isEqualTo("err\n");
        }
    }

    @Test
    void processRunsInTheContainerWithItsEnvironmentAndWorkingDirectory() {
        assertThat(dockerOk("exec", "target", "sh", "-c", "echo $FROM_RUN $HOSTNAME; pwd; cat /proc/1/comm")
                .lines()).containsExactly("1 " + id.substring(0, 12), "/srv", "sleep");
    }

    @Test
    void userWorkdirEnvAndEnvFile() throws Exception {
        Path envFile = Files.writeString(root.resolve("exec.env"), "FROM_FILE=f\n", StandardCharsets.UTF_8);
        for (Cli cli : new Cli[] {wharf, docker}) {
            CommandResult result = cli.run("exec", "-u", "nobody", "-w", "/tmp", "-e", "GREETING=hi", "--env-file",
                    envFile.toString(), "target", "sh", "-c", "id -un; pwd; echo $GREETING $FROM_FILE $FROM_RUN");
            assertThat(result.stdout().lines()).as("%s", result).containsExactly("nobody", "/tmp", "hi f 1");
        }
        assertThat(wharfOk("exec", "-u", "1234:5678", "target", "sh", "-c", "id -u; id -g").lines())
                .containsExactly("1234", "5678");
        CommandResult unknown = wharf.run("exec", "-u", "nosuchuser", "target", "true");
        assertThat(unknown.exitCode()).isEqualTo(126);
        assertThat(unknown.stdout()).contains("unable to find user nosuchuser");
    }

    @Test
    void privilegedGetsMoreCapabilities() {
        String plain = capEff(wharfOk("exec", "target", "grep", "CapEff", "/proc/self/status"));
        String privileged = capEff(dockerOk("exec", "--privileged", "target", "grep", "CapEff", "/proc/self/status"));
        assertThat(plain).isEqualTo("00000000a80425fb"); // Docker's default set
        assertThat(Long.parseLong(privileged, 16)).isGreaterThan(Long.parseLong(plain, 16));
        assertThat(capEff(wharfOk("exec", "--privileged", "target", "grep", "CapEff", "/proc/self/status")))
                .isEqualTo(privileged);
    }

    @Test
    void stdinIsPipedWithDashI() {
        CommandResult ours = wharf.runWithInput("one\ntwo\n".getBytes(StandardCharsets.UTF_8), "exec", "-i", "target", "wc", "-l");
        assertThat(ours.stdout().strip()).isEqualTo("2");
        CommandResult theirs = docker.runWithInput("abc".getBytes(StandardCharsets.UTF_8), "exec", "-i", "target", "cat");
        assertThat(theirs.stdout()).isEqualTo("abc");
        // without -i the process gets no stdin at all
        assertThat(wharf.runWithInput("ignored".getBytes(StandardCharsets.UTF_8), "exec", "target", "cat").stdout()).isEmpty();
    }

    @Test
    void missingOrNotExecutableCommandsExitLikeDocker() {
        for (Cli cli : new Cli[] {wharf, docker}) {
            CommandResult missing = cli.run("exec", "target", "nosuchcommand");
            assertThat(missing.exitCode()).as("%s", missing).isEqualTo(127);
            assertThat(missing.stdout()).contains("OCI runtime exec failed").contains("executable file not found in $PATH");
            CommandResult notExecutable = cli.run("exec", "target", "/etc/passwd");
            assertThat(notExecutable.exitCode()).as("%s", notExecutable).isEqualTo(126);
            assertThat(notExecutable.stdout()).contains("permission denied");
        }
    }

    @Test
    void execInAStoppedContainerIsAConflict() {
        String stopped = wharfOk("run", "--name", "stopped", "busybox", "true").strip();
        String stoppedId = wharfOk("inspect", "-f", "{{.Id}}", "stopped").strip();
        for (Cli cli : new Cli[] {wharf, docker}) {
            CommandResult result = cli.run("exec", "stopped", "ls");
            assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo("Error response from daemon: container " + stoppedId + " is not running\n");
        }
        assertThat(stopped).isEmpty();
        CommandResult missing = docker.run("exec", "nosuchcontainer", "ls");
        assertThat(missing.stderr()).contains("No such container: nosuchcontainer");
        wharfOk("rm", "stopped");
    }

    @Test
    void detachedExecRunsOnAndIsListedWhileItRuns() throws Exception {
        assertThat(dockerOk("exec", "-d", "target", "sh", "-c", "echo started > /tmp/d1; while [ ! -e /tmp/go ]; do sleep 0.1; done"))
                .isEmpty();
        awaitFile("/tmp/d1");
        assertThat(dockerOk("inspect", "-f", "{{len .ExecIDs}}", "target").strip()).isEqualTo("1");
        wharfOk("exec", "-d", "target", "touch", "/tmp/go");
        for (int i = 0; i < 100 && !dockerOk("inspect", "-f", "{{json .ExecIDs}}", "target").strip().equals("null"); i++) {
            Thread.sleep(100);
        }
        assertThat(dockerOk("inspect", "-f", "{{json .ExecIDs}}", "target").strip()).isEqualTo("null");
    }

    @Test
    void eventsTellCreateStartAndDieWithTheExitCode() throws InterruptedException {
        wharf.run("exec", "target", "sh", "-c", "exit 9");
        String events = "";
        // --until is "now" on the client's clock: give an event of this very moment a few chances
        for (int i = 0; i < 50 && !events.contains("exitCode=9"); i++) {
            Thread.sleep(100);
            events = dockerOk("events", "--since", "30m", "--until", "0s", "--filter", "container=target");
        }
        assertThat(events).contains("container exec_create: sh -c exit 9 " + id)
                .contains("container exec_start: sh -c exit 9 " + id)
                .containsPattern("container exec_die " + id + " \\(execID=[0-9a-f]{64}, exitCode=9, image=busybox, name=target\\)");
    }

    @Test
    void ttySessionWithPromptTypedCommandsSizeAndExitCode() throws Exception {
        for (Cli cli : new Cli[] {wharf, docker}) {
            try (PtySession session = cli.inPty("exec", "-it", "target", "sh")) {
                session.expect("# ").type("stty size; echo hi-$((40+2))\r").expect("40 100").expect("hi-42");
                session.type("exit 5\r");
                assertThat(session.exitCode()).as(session.screen()).isEqualTo(5);
            }
        }
    }

    @Test
    void execWhileAnotherClientIsAttached() throws Exception {
        wharfOk("run", "-d", "--name", "ticker", "busybox", "sh", "-c", "while true; do echo tick; sleep 0.2; done");
        Process attached = docker.start("attach", "--sig-proxy=false", "ticker");
        try {
            var firstTick = new byte[5];
            assertThat(attached.getInputStream().readNBytes(firstTick, 0, 5)).isEqualTo(5);
            assertThat(wharfOk("exec", "ticker", "echo", "from-exec")).isEqualTo("from-exec\n");
            assertThat(dockerOk("exec", "ticker", "echo", "from-docker-exec")).isEqualTo("from-docker-exec\n");
            assertThat(new String(attached.getInputStream().readNBytes(10), StandardCharsets.UTF_8)).contains("tick");
            assertThat(attached.isAlive()).isTrue();
        } finally {
            attached.destroy();
            wharfOk("rm", "-f", "ticker");
        }
    }

    private void awaitFile(String path) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (wharf.run("exec", "target", "test", "-e", path).exitCode() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " never appeared");
    }

    private static String capEff(String line) {
        return line.strip().replaceFirst("^CapEff:\\s*", "");
    }
}
