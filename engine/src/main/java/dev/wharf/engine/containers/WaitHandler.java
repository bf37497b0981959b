package dev.wharf.engine.containers;

import dev.wharf.api.ApiJson;
import dev.wharf.api.types.ContainerWaitResponse;
import dev.wharf.api.types.WaitError;
import dev.wharf.engine.http.Exchange;
import dev.wharf.engine.http.Handler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /containers/{id}/wait}: status and headers go out at once (docker run registers its
 * wait before start and must not block on it), the body {@code {"Error":null,"StatusCode":N}} when the
 * condition is met. A client that leaves stops the wait.
 */
final class WaitHandler implements Handler {
    private final ContainerService service;

    WaitHandler(ContainerService service) {
        this.service = service;
    }

    @Override
    public void handle(Exchange exchange) throws Exception {
        CompletableFuture<Container.Exit> exit = service.waitFor(exchange.pathParam("id"),
                exchange.query("condition").orElse(""));
        try (OutputStream out = exchange.respondStream(200, "application/json")) {
            CompletableFuture<Void> gone = exchange.clientGone().toCompletableFuture();
            CompletableFuture.anyOf(exit, gone).join();
            if (!exit.isDone()) {
                return;
            }
            Container.Exit result = exit.join();
            WaitError error = result.error() == null || result.error().isEmpty() ? null : new WaitError(result.error());
            out.write((ApiJson.toJson(new ContainerWaitResponse(error, result.exitCode())) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the client left while we waited
        }
    }
}
