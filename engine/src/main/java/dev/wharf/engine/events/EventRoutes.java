package dev.wharf.engine.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.api.types.EventMessage;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.filters.Filters;
import dev.wharf.engine.http.Exchange;
import dev.wharf.engine.http.Routes;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /events}: past events from {@code since} are replayed, then new ones stream, one JSON
 * object per line, until {@code until} or until the client hangs up.
 */
public final class EventRoutes {
    private static final int QUEUE_LIMIT = 10_000;
    private static final EventMessage CLIENT_GONE = EventMessage.builder().action("client-gone").build();

    private final InMemoryEventBus bus;
    private final ObjectMapper json;

    public EventRoutes(InMemoryEventBus bus, ObjectMapper json) {
        this.bus = bus;
        this.json = json;
    }

    public void register(Routes routes) {
        routes.add("GET", "/events", this::events);
    }

    private void events(Exchange exchange) throws IOException, InterruptedException {
        EventFilter filter = new EventFilter(Filters.parse(exchange.query("filters").orElse(null)));
        Long since = exchange.query("since").filter(s -> !s.isBlank()).map(EventRoutes::parseTimestamp).orElse(null);
        Long until = exchange.query("until").filter(s -> !s.isBlank()).map(EventRoutes::parseTimestamp).orElse(null);

        BlockingQueue<EventMessage> live = new LinkedBlockingQueue<>(QUEUE_LIMIT);
        try (InMemoryEventBus.Subscription subscription = bus.subscribe(live::offer);
                OutputStream out = exchange.respondStream(200, "application/json")) {
            exchange.clientGone().thenRun(() -> live.offer(CLIENT_GONE));
            if (since != null || until != null) {
                long from = since == null ? Long.MIN_VALUE : since;
                for (EventMessage past : subscription.past()) {
                    if (past.timeNano() >= from && (until == null || past.timeNano() <= until) && filter.include(past)) {
                        write(out, past);
                    }
                }
            }
            while (true) {
                EventMessage next;
                if (until == null) {
                    next = live.take();
                } else {
                    long remaining = until - nowNanos();
                    if (remaining <= 0) {
                        return;
                    }
                    next = live.poll(remaining, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        return;
                    }
                }
                if (next == CLIENT_GONE) {
                    return;
                }
                if ((until == null || next.timeNano() <= until) && filter.include(next)) {
                    write(out, next);
                }
            }
        } catch (IOException clientWentAway) {
            // a write to a client that hung up: the stream is over
        }
    }

    private void write(OutputStream out, EventMessage event) throws IOException {
        byte[] line = json.writeValueAsBytes(event);
        byte[] withNewline = java.util.Arrays.copyOf(line, line.length + 1);
        withNewline[line.length] = '\n';
        out.write(withNewline);
    }

    /** Docker's timestamps: unix seconds with an optional fraction ({@code 1796109221.5}), or RFC 3339. */
    static long parseTimestamp(String text) {
        try {
            BigDecimal seconds = new BigDecimal(text.trim());
            return seconds.movePointRight(9).longValue();
        } catch (NumberFormatException notNumeric) {
            try {
                Instant instant = Instant.parse(text.trim());
                return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
            } catch (DateTimeParseException e) {
                throw new InvalidArgumentException("failed to parse value " + text + " as a timestamp");
            }
        }
    }

    private static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
