package dev.wharf.image.remote;

import dev.wharf.image.Digest;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * One transfer per digest at a time across all pulls of the daemon: a second pull that needs a layer
 * already being downloaded waits for that download instead of starting its own.
 */
final class SingleFlight {
    interface Transfer {
        void run() throws IOException;
    }

    private final ConcurrentHashMap<Digest, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

    /** Runs the transfer, or waits for the one in flight (calling {@code onWait} first); true if it ran it. */
    boolean run(Digest digest, Transfer transfer, Runnable onWait) throws IOException {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = inFlight.putIfAbsent(digest, mine);
        if (running != null) {
            onWait.run();
            await(running);
            return false;
        }
        try {
            transfer.run();
            mine.complete(null);
            return true;
        } catch (IOException | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(digest, mine);
        }
    }

    private static void await(CompletableFuture<Void> running) throws IOException {
        try {
            running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a download", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }
}
