package dev.wharf.engine.containers;

import dev.wharf.api.ApiJson;
import dev.wharf.engine.http.Exchange;
import dev.wharf.engine.http.Handler;
import dev.wharf.runtime.stats.ResourceUsage;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code GET /containers/{id}/stats}: a sample per second while streaming; with {@code stream=false} one
 * answer after two samples a second apart (so the CPU percentage has a base), or at once with
 * {@code one-shot=true}, as dockerd does.
 */
final class StatsHandler implements Handler {
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final ContainerService service;

    StatsHandler(ContainerService service) {
        this.service = service;
    }

    @Override
    public void handle(Exchange exchange) throws Exception {
        Container container = service.get(exchange.pathParam("id"));
        boolean stream = exchange.queryFlag("stream", true);
        if (!stream) {
            Optional<ResourceUsage> first = service.usage(container);
            if (first.isEmpty()) {
                exchange.respondJson(200, StatsViews.empty(container.record()));
                return;
            }
            ResourceUsage previous = null;
            ResourceUsage current = first.get();
            if (!exchange.queryFlag("one-shot", false)) {
                Thread.sleep(INTERVAL);
                previous = current;
                current = service.usage(container).orElse(current);
            }
            exchange.respondJson(200, StatsViews.of(container.record(), current, previous));
            return;
        }
        try (OutputStream out = exchange.respondStream(200, "application/json")) {
            ResourceUsage previous = null;
            while (true) {
                Optional<ResourceUsage> current = service.usage(container);
                byte[] line = ApiJson.mapper().writeValueAsBytes(current.isPresent()
                        ? StatsViews.of(container.record(), current.get(), previous)
                        : StatsViews.empty(container.record()));
                out.write(line);
                out.write('\n');
                out.flush();
                if (current.isEmpty()) {
                    return; // stopped: one zero sample, then the stream ends
                }
                previous = current.get();
                Thread.sleep(INTERVAL);
            }
        } catch (IOException clientGone) {
            // docker stats was interrupted
        }
    }
}
