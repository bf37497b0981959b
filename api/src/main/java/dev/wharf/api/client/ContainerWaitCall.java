package dev.wharf.api.client;

import dev.wharf.api.ApiJson;
import dev.wharf.api.types.ContainerWaitResponse;
import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A {@code POST /containers/{id}/wait} in flight. The request is on the wire when this object
 * exists; Docker answers the status at once and the body only at exit, so {@link #accepted()}
 * completes early and {@link #result()} when the container exits (or is removed).
 */
public final class ContainerWaitCall implements Closeable {

    private final HttpConnection connection;
    private final CompletableFuture<Void> accepted = new CompletableFuture<>();
    private final CompletableFuture<ContainerWaitResponse> result = new CompletableFuture<>();

    ContainerWaitCall(HttpConnection connection, String method) {
        this.connection = connection;
        Thread.ofVirtual().name("wharf-wait").start(() -> receive(method));
    }

    private void receive(String method) {
        try (var response = connection.readResponseHead(method)) {
            if (!response.isSuccess()) {
                throw EngineClient.errorOf(response);
            }
            accepted.complete(null);
            result.complete(ApiJson.fromJson(response.readBody(), ContainerWaitResponse.class));
        } catch (IOException | RuntimeException e) {
            accepted.completeExceptionally(e);
            result.completeExceptionally(e);
        }
    }

    /** Completes when the daemon has registered the wait (its response head arrived). */
    public CompletableFuture<Void> accepted() {
        return accepted;
    }

    public CompletableFuture<ContainerWaitResponse> result() {
        return result;
    }

    /** Blocks until the wait body arrives. */
    public ContainerWaitResponse await() throws IOException, InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    /** Abandons the wait, as {@code docker run -d} does after start. */
    @Override
    public void close() throws IOException {
        connection.close();
    }
}
