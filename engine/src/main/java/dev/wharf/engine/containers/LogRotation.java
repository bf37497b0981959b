package dev.wharf.engine.containers;

import dev.wharf.runtime.ContainerRuntime;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Docker's {@code max-size}/{@code max-file} rotation for a running container: when the log reaches
 * max-size, {@code .N-1} is dropped, {@code .i} becomes {@code .i+1}, the log becomes {@code .1}, and
 * conmon is told to reopen a fresh one. The size is checked every {@link #POLL}, so a file may pass
 * max-size by what the container writes in that time; while wharfd is down nothing is rotated.
 */
final class LogRotation {
    private static final System.Logger LOG = System.getLogger(LogRotation.class.getName());
    static final Duration POLL = Duration.ofMillis(250);

    private final ContainerRuntime runtime;

    LogRotation(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    /** The log's files, oldest first, ending with the live one (only those that exist). */
    static List<Path> files(Path log, int maxFile) {
        List<Path> files = new ArrayList<>();
        for (int i = maxFile - 1; i >= 1; i--) {
            Path rotated = rotated(log, i);
            if (Files.exists(rotated)) {
                files.add(rotated);
            }
        }
        files.add(log);
        return files;
    }

    /** Watches the container's log on a virtual thread until the run {@code run} of the container ends. */
    void watch(Container container, long run, Path log, LogSettings settings) {
        if (!settings.rotates()) {
            return;
        }
        Thread.ofVirtual().name("log-rotation-" + container.record().shortId()).start(() -> {
            try {
                while (container.currentRun() == run && container.record().state().running()) {
                    if (size(log) >= settings.maxSize()) {
                        rotate(container.id(), log, settings.maxFile());
                    }
                    Thread.sleep(POLL);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "log rotation of " + container.id() + " stopped: " + e.getMessage());
            }
        });
    }

    private void rotate(String id, Path log, int maxFile) throws IOException {
        Files.deleteIfExists(rotated(log, maxFile - 1));
        for (int i = maxFile - 2; i >= 1; i--) {
            if (Files.exists(rotated(log, i))) {
                Files.move(rotated(log, i), rotated(log, i + 1), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Files.move(log, rotated(log, 1), StandardCopyOption.ATOMIC_MOVE);
        runtime.reopenLog(id);
    }

    private static Path rotated(Path log, int i) {
        return log.resolveSibling(log.getFileName() + "." + i);
    }

    private static long size(Path log) throws IOException {
        try {
            return Files.size(log);
        } catch (NoSuchFileException e) {
            return 0;
        }
    }
}
