package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Exit codes, streams, environment, working directory and user, through both CLIs. */
class ProcessBehaviourTest extends EndToEndTest {

    @Test
    void exitCodeIsTheContainers() {
        assertThat(wharf.run("run", "--rm", "busybox", "sh", "-c", "exit 3").exitCode()).isEqualTo(3);
        assertThat(docker.run("run", "--rm", "busybox", "sh", "-c", "exit 3").exitCode()).isEqualTo(3);
        assertThat(wharf.run("run", "--rm", "busybox", "true").exitCode()).isZero();
    }

    @Test
    void stdoutAndStderrStayApart() {
        CommandResult ours = wharf.run("run", "--rm", "busybox", "sh", "-c", "echo out1; echo err1 >&2; echo out2");
        assertThat(ours.stdout()).isEqualTo("out1\nout2\n");
        assertThat(ours.stderr()).isEqualTo("err1\n");
        CommandResult theirs = docker.run("run", "--rm", "busybox", "sh", "-c", "echo out1; echo err1 >&2; echo out2");
        assertThat(theirs.stdout()).isEqualTo("out1\nout2\n");
        assertThat(theirs.stderr()).isEqualTo("err1\n");
    }

    @Test
    void outputKeepsItsOrderWithinAStream() {
        String out = wharfOk("run", "--rm", "busybox", "sh", "-c", "for i in 1 2 3 4 5 6 7 8 9 10; do echo line$i; done");
        assertThat(out.lines()).containsExactly("line1", "line2", "line3", "line4", "line5", "line6", "line7",
                "line8", "line9", "line10");
    }

    @Test
    void logsKeepStreamsApartAndInOrder() {
        String id = wharfOk("run", "-d", "busybox", "sh", "-c", "echo a; echo b >&2; echo c").strip();
        dockerOk("wait", id);
        CommandResult logs = wharf.run("logs", id);
        assertThat(logs.stdout()).isEqualTo("a\nc\n");
        assertThat(logs.stderr()).isEqualTo("b\n");
        CommandResult dockerLogs = docker.run("logs", id);
        assertThat(dockerLogs.stdout()).isEqualTo("a\nc\n");
        assertThat(dockerLogs.stderr()).isEqualTo("b\n");
        wharfOk("rm", id);
    }

    @Test
    void environmentComesFromImageAndFlags() throws Exception {
        Path envFile = Files.writeString(root.resolve("env.list"), "FROM_FILE=yes\n# comment\n", StandardCharsets.UTF_8);
        String out = wharfOk("run", "--rm", "-e", "GREETING=hello world", "--env-file", envFile.toString(),
                "busybox", "sh", "-c", "echo \"$GREETING|$FROM_FILE|$PATH|$HOSTNAME\"");
        assertThat(out.strip()).startsWith("hello world|yes|/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin|");
        assertThat(dockerOk("run", "--rm", "-e", "X=1", "busybox", "sh", "-c", "echo $X").strip()).isEqualTo("1");
    }

    @Test
    void workingDirectoryIsCreatedAndUsed() {
        assertThat(wharfOk("run", "--rm", "-w", "/srv/app", "busybox", "pwd").strip()).isEqualTo("/srv/app");
        assertThat(dockerOk("run", "--rm", "-w", "/tmp", "busybox", "pwd").strip()).isEqualTo("/tmp");
    }

    @Test
    void userIsResolvedInTheImage() {
        assertThat(wharfOk("run", "--rm", "-u", "nobody", "busybox", "id").strip())
                .isEqualTo("uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)");
        assertThat(wharfOk("run", "--rm", "-u", "1234:5678", "busybox", "sh", "-c", "id -u; id -g").lines())
                .containsExactly("1234", "5678");
        CommandResult unknown = wharf.run("run", "--rm", "-u", "nosuchuser", "busybox", "id");
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.stderr()).contains("unable to find user nosuchuser");
    }

    @Test
    void entrypointAndStdin() {
        assertThat(wharfOk("run", "--rm", "--entrypoint", "echo", "busybox", "from", "entrypoint").strip())
                .isEqualTo("from entrypoint");
        CommandResult piped = wharf.runWithInput("one\ntwo\n".getBytes(StandardCharsets.UTF_8),
                "run", "--rm", "-i", "busybox", "wc", "-l");
        assertThat(piped.stdout().strip()).isEqualTo("2");
        CommandResult dockerPiped = docker.runWithInput("abc".getBytes(StandardCharsets.UTF_8),
                "run", "--rm", "-i", "busybox", "cat");
        assertThat(dockerPiped.stdout()).isEqualTo("abc");
    }
}
