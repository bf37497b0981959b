package dev.wharf.runtime.conmon;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.runtime.AttachConnection;
import dev.wharf.runtime.ExecProcess;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * A running exec under its conmon. conmon's last sync report is the exit code (also in the exit
 * file, read when the report is lost); then the exec's directory goes.
 */
final class ConmonExec implements ExecProcess {
    private static final Logger LOG = System.getLogger(ConmonExec.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** An exec may run as long as its container: the wait has no practical limit. */
    private static final long FOREVER_MILLIS = Duration.ofDays(36500).toMillis();

    private final int pid;
    private final AttachConnection attach;
    private final ContainerFiles files;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    ConmonExec(int pid, AttachConnection attach, ContainerFiles files, SyncFifo sync) {
        this.pid = pid;
        this.attach = attach;
        this.files = files;
        Thread.ofVirtual().name("exec-exit-" + pid).start(() -> awaitExit(sync));
    }

    @Override
    public int pid() {
        return pid;
    }

    @Override
    public AttachConnection attach() {
        return attach;
    }

    @Override
    public CompletableFuture<Integer> exit() {
        return exit;
    }

    @Override
    public void resize(int rows, int cols) throws IOException {
        ConmonCtl.resize(files.ctl(), rows, cols);
    }

    private void awaitExit(SyncFifo sync) {
        try (sync) {
            String line = sync.awaitLine(FOREVER_MILLIS, () -> MonitorProcess.isAlive(files));
            OptionalInt code = line.isEmpty() ? ExitFiles.read(files)
                    : OptionalInt.of(JSON.readValue(line, SyncMessage.class).data());
            if (code.isPresent()) {
                exit.complete(code.getAsInt());
            } else {
                exit.completeExceptionally(new IOException("conmon of exec " + pid + " exited without an exit code"));
            }
        } catch (IOException | RuntimeException e) {
            exit.completeExceptionally(e);
        } catch (InterruptedException e) {
            exit.completeExceptionally(e);
        } finally {
            deleteQuietly(files);
        }
    }

    static void deleteQuietly(ContainerFiles files) {
        Path dir = files.dir();
        try (var walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.log(Level.DEBUG, "cannot remove exec directory " + dir + ": " + e.getMessage());
        }
    }
}
