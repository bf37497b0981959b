package dev.wharf.runtime.conmon;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.runtime.ContainerSpec;
import dev.wharf.runtime.OciRuntimeException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts conmon for one container and waits for its report on {@code runc create}.
 *
 * <p>conmon reads its sync and start pipes from fds 3 and 4, which ProcessBuilder cannot place, so a
 * shell trampoline opens fd 3 on the container's {@code sync} FIFO ({@link SyncFifo}) and moves our
 * stdin pipe to 4 before exec'ing conmon. The sync channel is a FIFO of our own, not our stdout pipe,
 * because the JDK closes a child's pipes as soon as that child exits: the launcher exits right after
 * forking, and the monitor's later report would be lost (and its write fail with EPIPE). The monitor
 * is never our child, sits in its own session and outlives the daemon.
 */
final class ConmonLauncher {
    private static final String TRAMPOLINE = "exec 3>sync 4<&0 </dev/null >&2; exec \"$0\" \"$@\"";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path conmon;
    private final Runc runc;
    private final Duration timeout;

    ConmonLauncher(Path conmon, Runc runc, Duration timeout) {
        this.conmon = conmon;
        this.runc = runc;
        this.timeout = timeout;
    }

    /** Returns the container's init pid once it is created; throws with runc's message otherwise. */
    int create(ContainerSpec spec, ContainerFiles files) throws IOException {
        var builder = builder(command(spec, files), files);
        try (SyncFifo sync = SyncFifo.create(files.syncFile())) {
            return create(spec, files, builder, sync);
        }
    }

    private int create(ContainerSpec spec, ContainerFiles files, ProcessBuilder builder, SyncFifo sync)
            throws IOException {
        Process launcher = builder.start();
        CompletableFuture<String> launcherErrors = CommandRunner.drain(launcher.getErrorStream());
        try {
            // The start byte releases the launcher (this is where a cgroup placement would go).
            try (var start = launcher.getOutputStream()) {
                start.write(0);
            }
            awaitLauncher(launcher, launcherErrors, timeout);
            String line = sync.awaitLine(timeout.toMillis(), () -> MonitorProcess.isAlive(files));
            if (line.isEmpty() && MonitorProcess.isAlive(files)) {
                throw new TimeoutException();
            }
            if (line.isEmpty()) {
                throw new OciRuntimeException("conmon exited before reporting the container's creation");
            }
            SyncMessage message = JSON.readValue(line, SyncMessage.class);
            if (message.data() <= 0) {
                throw new OciRuntimeException(RuncMessages.clean(message.message() == null ? "runc create failed" : message.message()));
            }
            return message.data();
        } catch (TimeoutException e) {
            throw new IOException("conmon did not report within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating container " + spec.id(), e);
        } catch (ExecutionException e) {
            throw new IOException("reading conmon's errors failed", e.getCause());
        }
    }

    /** conmon in the bundle directory, with the pipe fds the trampoline sets up and nothing of our environment. */
    static ProcessBuilder builder(List<String> command, ContainerFiles files) {
        var builder = new ProcessBuilder(command).directory(files.dir().toFile());
        builder.environment().clear();
        builder.environment().putAll(CommandRunner.ENVIRONMENT);
        builder.environment().put("_OCI_SYNCPIPE", "3");
        builder.environment().put("_OCI_STARTPIPE", "4");
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return builder;
    }

    /** The launcher exits right after forking the monitor; a non-zero status comes with its reason on stderr. */
    static void awaitLauncher(Process launcher, CompletableFuture<String> errors, Duration timeout)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        if (!launcher.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            launcher.destroyForcibly();
            throw new IOException("conmon did not start within " + timeout);
        }
        if (launcher.exitValue() != 0) {
            throw new OciRuntimeException("conmon failed: " + errors.get(timeout.toMillis(), TimeUnit.MILLISECONDS).strip());
        }
    }

    private List<String> command(ContainerSpec spec, ContainerFiles files) {
        var command = new ArrayList<>(List.of("/bin/sh", "-c", TRAMPOLINE, conmon.toString(),
                "--api-version", "--full-attach", "--syslog", "--log-level", "warn",
                "-c", spec.id(), "-u", spec.id(), "-n", spec.id(),
                "-r", runc.binary().toString(), "--runtime-arg", runc.rootOption(),
                "-b", files.dir().toString(),
                "-p", files.pidfile().toString(), "-P", files.conmonPidfile().toString(),
                "--exit-dir", files.exitsDir().toString(), "--persist-dir", files.persistDir().toString(),
                "-l", "k8s-file:" + spec.logPath().toAbsolutePath()));
        if (spec.tty()) {
            // -t alone, as Podman does: attach input reaches the pty, and no client's disconnect (a
            // detach, a daemon that dies) ever closes it; moby never closes a TTY's stdin either.
            command.add("-t");
        } else if (spec.openStdin()) {
            command.add("-i");
            if (!spec.stdinOnce()) {
                command.add("--leave-stdin-open");
            }
        }
        return command;
    }
}
