package dev.wharf.runtime.conmon;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One thread waiting for the exit files of all awaited containers: inotify (WatchService) for
 * promptness, plus a sweep every {@link #SWEEP_MILLIS} ms that also notices a monitor that died
 * without writing one (then the exit code is lost and the future fails).
 */
final class ExitWatcher implements AutoCloseable {
    private static final long SWEEP_MILLIS = 500;

    private record Waiting(ContainerFiles files, CompletableFuture<Integer> exit, WatchKey key) {}

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final WatchService watchService;
    private final Thread thread;

    ExitWatcher() throws IOException {
        watchService = FileSystems.getDefault().newWatchService();
        thread = Thread.ofVirtual().name("wharf-exit-watcher").start(this::loop);
    }

    CompletableFuture<Integer> await(ContainerFiles files) {
        Waiting entry = waiting.computeIfAbsent(files.id(), id -> register(files));
        settle(entry);
        return entry.exit();
    }

    private Waiting register(ContainerFiles files) {
        WatchKey key = null;
        try {
            key = files.exitsDir().register(watchService, StandardWatchEventKinds.ENTRY_CREATE);
        } catch (IOException e) {
            // No directory to watch (container gone?): the sweep decides.
        }
        return new Waiting(files, new CompletableFuture<>(), key);
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = watchService.poll(SWEEP_MILLIS, TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
                waiting.values().forEach(this::settle);
            }
        } catch (InterruptedException | ClosedWatchServiceException closed) {
            // The daemon is stopping, the containers are not: leave their futures pending. Failing them
            // would read as "container lost", and the engine would clean up (kill) containers that run on.
        }
    }

    /** Completes the future if the container's fate is known. */
    private void settle(Waiting entry) {
        OptionalInt code = ExitFiles.read(entry.files());
        if (code.isPresent()) {
            finish(entry).complete(code.getAsInt());
        } else if (!MonitorProcess.isAlive(entry.files())) {
            // The monitor writes the exit file before it exits: look once more.
            code = ExitFiles.read(entry.files());
            if (code.isPresent()) {
                finish(entry).complete(code.getAsInt());
            } else {
                finish(entry).completeExceptionally(new IOException(
                        "conmon of container " + entry.files().id() + " exited without recording an exit code"));
            }
        }
    }

    private CompletableFuture<Integer> finish(Waiting entry) {
        waiting.remove(entry.files().id(), entry);
        if (entry.key() != null) {
            entry.key().cancel();
        }
        return entry.exit();
    }

    @Override
    public void close() throws IOException {
        watchService.close();
        thread.interrupt();
    }
}
