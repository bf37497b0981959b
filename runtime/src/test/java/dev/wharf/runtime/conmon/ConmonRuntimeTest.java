package dev.wharf.runtime.conmon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.runtime.AttachConnection;
import dev.wharf.runtime.AttachConnection.OutputChunk;
import dev.wharf.runtime.AttachConnection.Stream;
import dev.wharf.runtime.ContainerSpec;
import dev.wharf.runtime.ExecSpec;
import dev.wharf.runtime.OciRuntimeException;
import dev.wharf.runtime.RuntimeState.Status;
import dev.wharf.runtime.log.K8sFileLog;
import dev.wharf.runtime.log.LogRecord;
import dev.wharf.runtime.testing.BusyboxRootfs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real containers (root required): busybox rootfs, conmon, runc. */
@Timeout(60)
class ConmonRuntimeTest {
    @TempDir
    Path tmp;

    private final String cgroupParent = "/wharf-test-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> created = new ArrayList<>();
    private Path rootfs;
    private ConmonRuntime runtime;

    @BeforeEach
    void setUp() throws IOException {
        rootfs = BusyboxRootfs.create(tmp.resolve("rootfs"));
        runtime = new ConmonRuntime(tmp.resolve("exec"), ConmonRuntime.DEFAULT_RUNC, ConmonRuntime.DEFAULT_CONMON, cgroupParent);
    }

    @AfterEach
    void nothingLeftBehind() throws IOException {
        for (String id : created) {
            runtime.delete(id);
        }
        runtime.close();
        assertThat(new Runc(ConmonRuntime.DEFAULT_RUNC, runtime.execRoot().resolve("runc")).list()).isEmpty();
        assertThat(RuntimeLeaks.processesMentioning(runtime.execRoot().toString())).isEmpty();
        assertThat(RuntimeLeaks.cgroupsUnder(cgroupParent)).isEmpty();
        RuntimeLeaks.removeCgroupParent(cgroupParent);
        assertThat(RuntimeLeaks.mountsUnder(tmp)).isEmpty();
        try (var left = Files.list(runtime.execRoot())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsOnly("runc");
        }
    }

    @Test
    void recordsExitCodeAndLogsStreamsApart() throws Exception {
        var spec = spec("exit3", List.of("sh", "-c", "echo hi; sleep 0.1; echo err >&2; exit 3"));
        create(spec);
        assertThat(runtime.state("exit3").status()).isEqualTo(Status.CREATED);
        runtime.start("exit3");

        assertThat(runtime.awaitExit("exit3").get(20, TimeUnit.SECONDS)).isEqualTo(3);
        var state = runtime.state("exit3");
        assertThat(state.status()).isEqualTo(Status.STOPPED);
        assertThat(state.exitCode()).hasValue(3);
        assertThat(state.oomKilled()).isFalse();

        List<LogRecord> records = new K8sFileLog(spec.logPath()).readAll();
        assertThat(records).extracting(LogRecord::stream).containsExactly(Stream.STDOUT, Stream.STDERR);
        assertThat(records).extracting(r -> new String(r.data(), StandardCharsets.UTF_8)).containsExactly("hi\n", "err\n");
    }

    @Test
    void attachReceivesOutputPerStream() throws Exception {
        create(spec("attached", List.of("sh", "-c", "echo out; echo err >&2")));
        Map<Stream, String> output;
        try (AttachConnection attach = runtime.attach("attached")) {
            attach.closeStdin();
            runtime.start("attached");
            output = readAll(attach);
        }
        assertThat(output).containsEntry(Stream.STDOUT, "out\n").containsEntry(Stream.STDERR, "err\n");
        assertThat(runtime.awaitExit("attached").get(20, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void stdinReachesTheProcessAndEofEndsIt() throws Exception {
        var spec = withStdin(spec("cat", List.of("cat")));
        create(spec);
        Map<Stream, String> output;
        try (AttachConnection attach = runtime.attach("cat")) {
            runtime.start("cat");
            byte[] input = "hello\n".getBytes(StandardCharsets.UTF_8);
            attach.writeStdin(input, 0, input.length);
            attach.closeStdin();
            output = readAll(attach);
        }
        assertThat(output).containsEntry(Stream.STDOUT, "hello\n");
        assertThat(runtime.awaitExit("cat").get(20, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void unknownCommandFailsWithRuncsMessageAndLeavesNothing() {
        assertThatThrownBy(() -> runtime.create(spec("nope", List.of("nope"))))
                .isInstanceOf(OciRuntimeException.class)
                .hasMessage("runc create failed: unable to start container process: exec: \"nope\": executable file not found in $PATH");
        // @AfterEach checks runc list, processes, cgroups and the exec root
    }

    @Test
    void containerIsIsolated() throws Exception {
        var spec = spec("isolated", List.of("sh", "-c", "echo pid=$$; ls /sys/class/net; hostname"));
        create(spec);
        runtime.start("isolated");
        assertThat(runtime.awaitExit("isolated").get(20, TimeUnit.SECONDS)).isZero();
        assertThat(logText(spec)).isEqualTo("pid=1\nlo\nwharf-test\n");
    }

    @Test
    void killEndsARunningContainer() throws Exception {
        create(spec("sleeper", List.of("sleep", "60")));
        runtime.start("sleeper");
        var running = runtime.state("sleeper");
        assertThat(running.status()).isEqualTo(Status.RUNNING);
        assertThat(running.pid()).isPositive();
        assertThat(runtime.containers()).containsExactly("sleeper");
        assertThat(RuntimeLeaks.cgroupsUnder(cgroupParent))
                .contains(Path.of("/sys/fs/cgroup/memory", cgroupParent, "sleeper"));

        runtime.kill("sleeper", 9);
        assertThat(runtime.awaitExit("sleeper").get(20, TimeUnit.SECONDS)).isEqualTo(137);
        assertThat(runtime.state("sleeper").exitCode()).hasValue(137);
    }

    @Test
    void deleteRemovesARunningContainer() throws Exception {
        create(spec("doomed", List.of("sleep", "60")));
        runtime.start("doomed");
        var exit = runtime.awaitExit("doomed");
        runtime.delete("doomed");
        created.remove("doomed");
        assertThat(runtime.containers()).isEmpty();
        // conmon records the kill before it leaves, and delete waits for it
        assertThat(exit.get(5, TimeUnit.SECONDS)).isEqualTo(137);
    }

    @Test
    void ttyIsResizedBeforeStart() throws Exception {
        var base = spec("tty", List.of("sh", "-c", "stty size"));
        var spec = new ContainerSpec(base.id(), base.rootfs(), base.args(), base.env(), base.workingDir(), base.user(),
                base.hostname(), true, false, false, base.files(), base.annotations(), base.logPath());
        create(spec);
        runtime.resize("tty", 40, 100);
        runtime.start("tty");
        assertThat(runtime.awaitExit("tty").get(20, TimeUnit.SECONDS)).isZero();
        assertThat(logText(spec)).isEqualTo("40 100\r\n");
    }

    @Test
    void aRestartedDaemonFindsItsRunningContainer() throws Exception {
        create(spec("survivor", List.of("sh", "-c", "trap 'exit 42' TERM; while true; do sleep 0.1; done")));
        runtime.start("survivor");
        var exitSeenByTheOldDaemon = runtime.awaitExit("survivor");
        runtime.close();
        Thread.sleep(100);
        // Closing must not read as "container lost": the engine would then clean up a live container.
        assertThat(exitSeenByTheOldDaemon).isNotDone();

        runtime = new ConmonRuntime(tmp.resolve("exec"), ConmonRuntime.DEFAULT_RUNC, ConmonRuntime.DEFAULT_CONMON, cgroupParent);
        assertThat(runtime.containers()).containsExactly("survivor");
        assertThat(runtime.state("survivor").status()).isEqualTo(Status.RUNNING);
        var exit = runtime.awaitExit("survivor");
        runtime.kill("survivor", 15);
        assertThat(exit.get(20, TimeUnit.SECONDS)).isEqualTo(42);
    }

    @Test
    void runsAsTheResolvedUser() throws Exception {
        var base = spec("user", List.of("id"));
        var user = dev.wharf.runtime.UserResolver.resolve(rootfs, "app");
        var spec = new ContainerSpec(base.id(), base.rootfs(), base.args(), base.env(), base.workingDir(), user,
                base.hostname(), false, false, false, base.files(), base.annotations(), base.logPath());
        create(spec);
        runtime.start("user");
        assertThat(runtime.awaitExit("user").get(20, TimeUnit.SECONDS)).isZero();
        assertThat(logText(spec)).isEqualTo("uid=1000(app) gid=1000(app) groups=10(wheel),29(audio),1000(app)\n");
    }

    @Test
    void execRunsInTheContainerWithItsOwnStreamsStdinAndExitCode() throws Exception {
        create(spec("host", List.of("sh", "-c", "echo started > /tmp/mark; sleep 60")));
        runtime.start("host");
        var exec = runtime.exec("host", new ExecSpec("e1", List.of("sh", "-c", "cat /tmp/mark; read x; echo got-$x >&2; exit 4"),
                List.of("PATH=/bin"), "/tmp", ContainerSpec.ProcessUser.ROOT, false, true, false, 0, 0));
        assertThat(exec.pid()).isPositive();
        byte[] input = "abc\n".getBytes(StandardCharsets.UTF_8);
        exec.attach().writeStdin(input, 0, input.length);
        exec.attach().closeStdin();
        Map<Stream, String> output = readAll(exec.attach());
        exec.attach().close();
        assertThat(output).containsEntry(Stream.STDOUT, "started\n").containsEntry(Stream.STDERR, "got-abc\n");
        assertThat(exec.exit().get(20, TimeUnit.SECONDS)).isEqualTo(4);
        assertThat(runtime.state("host").status()).isEqualTo(Status.RUNNING);
    }

    @Test
    void execWithATtyIsResizedAndPrivilegedGetsEveryCapability() throws Exception {
        create(spec("ttyhost", List.of("sleep", "60")));
        runtime.start("ttyhost");
        var exec = runtime.exec("ttyhost", new ExecSpec("e2", List.of("sh", "-c", "stty size; grep CapEff /proc/self/status"),
                List.of("PATH=/bin"), "/", ContainerSpec.ProcessUser.ROOT, true, false, true, 33, 77));
        String output = readAll(exec.attach()).get(Stream.STDOUT);
        exec.attach().close();
        assertThat(exec.exit().get(20, TimeUnit.SECONDS)).isZero();
        assertThat(output).startsWith("33 77\r\n").doesNotContain("CapEff:\t00000000a80425fb");
    }

    @Test
    void execOfAMissingCommandFailsWithRuncsMessage() throws Exception {
        create(spec("host2", List.of("sleep", "60")));
        runtime.start("host2");
        assertThatThrownBy(() -> runtime.exec("host2", new ExecSpec("e3", List.of("nope"), List.of("PATH=/bin"), "/",
                ContainerSpec.ProcessUser.ROOT, false, false, false, 0, 0)))
                .isInstanceOf(OciRuntimeException.class)
                .hasMessageContaining("exec: \"nope\": executable file not found in $PATH");
    }

    private void create(ContainerSpec spec) throws IOException {
        var container = runtime.create(spec);
        created.add(spec.id());
        assertThat(container.pid()).isPositive();
    }

    private ContainerSpec spec(String id, List<String> args) throws IOException {
        Path hostname = tmp.resolve(id + ".hostname");
        Files.writeString(hostname, "wharf-test\n");
        Files.createDirectories(rootfs.resolve("etc"));
        return new ContainerSpec(id, rootfs, args, List.of("PATH=/bin", "HOSTNAME=wharf-test"), "/",
                ContainerSpec.ProcessUser.ROOT, "wharf-test", false, false, false,
                Map.of("/etc/hostname", hostname), Map.of("dev.wharf.test", id), tmp.resolve("logs").resolve(id + ".log"));
    }

    private static ContainerSpec withStdin(ContainerSpec s) {
        return new ContainerSpec(s.id(), s.rootfs(), s.args(), s.env(), s.workingDir(), s.user(), s.hostname(),
                s.tty(), true, true, s.files(), s.annotations(), s.logPath());
    }

    private static Map<Stream, String> readAll(AttachConnection attach) throws IOException {
        Map<Stream, ByteArrayOutputStream> bytes = new EnumMap<>(Stream.class);
        OutputChunk chunk;
        while ((chunk = attach.read()) != null) {
            bytes.computeIfAbsent(chunk.stream(), s -> new ByteArrayOutputStream()).writeBytes(chunk.data());
        }
        Map<Stream, String> text = new EnumMap<>(Stream.class);
        bytes.forEach((stream, out) -> text.put(stream, out.toString(StandardCharsets.UTF_8)));
        return text;
    }

    private static String logText(ContainerSpec spec) throws IOException {
        var out = new StringBuilder();
        for (LogRecord record : new K8sFileLog(spec.logPath()).readAll()) {
            out.append(new String(record.data(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }
}
