package dev.wharf.engine.containers;

import dev.wharf.runtime.NetworkNamespace;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A container's network while its endpoints are being joined: the namespace, which the runtime can
 * create the container in already, and the join (CNI ADDs, ports, /etc files), which must be done
 * before the container's process starts.
 */
record PendingNetwork(NetworkNamespace namespace, CompletableFuture<Void> joined) {
    static PendingNetwork ready(NetworkNamespace namespace) {
        return new PendingNetwork(namespace, CompletableFuture.completedFuture(null));
    }

    /** Waits for the join and throws what it threw. */
    void await() throws IOException {
        try {
            joined.join();
        } catch (CompletionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IOException(e.getCause());
            }
        }
    }

    /** Waits for the join to end, either way: a teardown must never overtake an ADD still running. */
    void settle() {
        try {
            joined.join();
        } catch (CompletionException | java.util.concurrent.CancellationException ignored) {
            // the start fails anyway; the teardown undoes what the join did
        }
    }
}
