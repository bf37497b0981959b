package dev.wharf.runtime.conmon;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.linux.Syscalls;
import dev.wharf.runtime.AttachConnection;
import dev.wharf.runtime.ExecSpec;
import dev.wharf.runtime.OciRuntimeException;
import dev.wharf.runtime.spec.ExecProcessSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Starts an exec as Podman does: conmon in exec mode ({@code -e --exec-attach --exec-process-spec})
 * runs {@code runc exec --detach} with the process object, so the exec gets an attach socket, a TTY and
 * an exit code like a container. The handshake (conmon.md §6): start byte, attach pipe reports the
 * socket, we connect, second start byte, sync pipe reports the pid and, at the end, the exit code.
 * All three pipes are FIFOs of the exec's directory, held open by us (see {@link SyncFifo}); the start
 * FIFO outlives the launcher, which the JDK's pipes would not.
 */
final class ConmonExecLauncher {
    private static final String TRAMPOLINE =
            "exec 3>sync 4<start 5>attach-pipe </dev/null >&2; exec \"$0\" \"$@\"";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final java.nio.file.Path conmon;
    private final Runc runc;
    private final Duration timeout;

    ConmonExecLauncher(java.nio.file.Path conmon, Runc runc, Duration timeout) {
        this.conmon = conmon;
        this.runc = runc;
        this.timeout = timeout;
    }

    /**
     * @param containerConfig the container's config.json, whose process the exec's starts from
     * @param files the exec's directory, laid out like a container's; its id is the container's
     */
    ConmonExec start(String containerId, ExecSpec spec, java.nio.file.Path containerConfig, ContainerFiles files)
            throws IOException {
        Files.createDirectories(files.exitsDir());
        Files.createDirectories(files.persistDir());
        SyncFifo sync = null;
        try (SyncFifo attachPipe = SyncFifo.create(files.attachPipe());
                FileChannel start = startFifo(files)) {
            sync = SyncFifo.create(files.syncFile());
            ExecProcessSpec.write(spec, containerConfig, files.processSpec());
            var builder = ConmonLauncher.builder(command(containerId, spec, files), files);
            builder.environment().put("_OCI_ATTACHPIPE", "5");
            Process launcher = builder.start();
            CompletableFuture<String> launcherErrors = CommandRunner.drain(launcher.getErrorStream());
            start.write(ByteBuffer.wrap(new byte[] {0}));
            ConmonLauncher.awaitLauncher(launcher, launcherErrors, timeout);
            report(attachPipe, files, "conmon exited before opening the exec's attach socket");
            AttachConnection attach = ConmonAttachConnection.connect(files.attachSocket());
            try {
                if (spec.tty() && spec.consoleRows() > 0 && spec.consoleCols() > 0) {
                    ConmonCtl.resize(files.ctl(), spec.consoleRows(), spec.consoleCols()); // applied once the TTY exists
                }
                start.write(ByteBuffer.wrap(new byte[] {0})); // now runc exec runs
                int pid = report(sync, files, "conmon exited before reporting the exec's pid");
                ConmonExec exec = new ConmonExec(pid, attach, files, sync);
                sync = null; // the exec owns it now
                return exec;
            } catch (IOException | RuntimeException e) {
                attach.close();
                throw e;
            }
        } catch (TimeoutException e) {
            throw new IOException("conmon did not report within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting an exec in " + containerId, e);
        } catch (ExecutionException e) {
            throw new IOException("reading conmon's errors failed", e.getCause());
        } finally {
            if (sync != null) {
                sync.close();
                ConmonExec.deleteQuietly(files);
            }
        }
    }

    /** The next report's {@code data}; a negative one carries runc's error. */
    private int report(SyncFifo fifo, ContainerFiles files, String silentDeath)
            throws IOException, InterruptedException, TimeoutException {
        String line = fifo.awaitLine(timeout.toMillis(), () -> MonitorProcess.isAlive(files));
        if (line.isEmpty()) {
            if (MonitorProcess.isAlive(files)) {
                throw new TimeoutException();
            }
            throw new OciRuntimeException(silentDeath);
        }
        SyncMessage message = JSON.readValue(line, SyncMessage.class);
        if (message.data() < 0) {
            throw new OciRuntimeException(RuncMessages.clean(message.message() == null ? "runc exec failed" : message.message()));
        }
        return message.data();
    }

    private static FileChannel startFifo(ContainerFiles files) throws IOException {
        Files.createDirectories(files.dir());
        Syscalls.mkfifo(files.startFile(), 0600);
        return FileChannel.open(files.startFile(), StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private List<String> command(String containerId, ExecSpec spec, ContainerFiles files) {
        var command = new ArrayList<>(List.of("/bin/sh", "-c", TRAMPOLINE, conmon.toString(),
                "--api-version", "--full-attach", "--syslog", "--log-level", "warn",
                "-c", containerId, "-u", spec.execId(),
                "-r", runc.binary().toString(), "--runtime-arg", runc.rootOption(),
                "-b", files.dir().toString(),
                "-p", files.pidfile().toString(), "-P", files.conmonPidfile().toString(),
                "--exit-dir", files.exitsDir().toString(), "--persist-dir", files.persistDir().toString(),
                "-l", "none"));
        if (spec.tty()) {
            command.add("-t");
        }
        if (spec.stdin()) {
            command.add("-i");
        }
        command.addAll(List.of("-e", "--exec-attach", "--exec-process-spec", files.processSpec().toString()));
        return command;
    }
}
