package dev.wharf.engine.events;

import dev.wharf.api.types.EventActor;
import dev.wharf.api.types.EventMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The daemon's event bus: the most recent events stay in a bounded ring for {@code since} replays, and
 * every subscriber receives each new event. Subscribers must not block (they hand events to a queue).
 */
public final class InMemoryEventBus implements EventBus {
    /** dockerd keeps the last 256 events for replays (daemon/events: eventsLimit). */
    private static final int RETAINED = 256;

    private final Clock clock;
    private final ArrayDeque<EventMessage> recent = new ArrayDeque<>();
    private final List<Consumer<EventMessage>> subscribers = new CopyOnWriteArrayList<>();

    public InMemoryEventBus() {
        this(Clock.systemUTC());
    }

    InMemoryEventBus(Clock clock) {
        this.clock = clock;
    }

    /** A live feed with the events retained so far, taken atomically so that none is lost or doubled. */
    public record Subscription(List<EventMessage> past, AutoCloseable handle) implements AutoCloseable {
        @Override
        public void close() {
            try {
                handle.close();
            } catch (Exception ignored) {
                // removing a listener cannot fail
            }
        }
    }

    @Override
    public void publish(String type, String action, String actorId, Map<String, String> attributes) {
        Instant now = clock.instant();
        long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        Map<String, String> sorted = attributes == null ? Map.of() : new TreeMap<>(attributes);
        EventMessage.Builder event = EventMessage.builder()
                .type(type)
                .action(action)
                .actor(new EventActor(actorId, sorted))
                .scope("local")
                .time(now.getEpochSecond())
                .timeNano(nanos);
        // Docker's deprecated top-level fields, still read by older clients.
        if (type.equals("container")) {
            event.status(action).id(actorId).from(sorted.get("image"));
        } else if (type.equals("image")) {
            event.status(action).id(actorId);
        }
        EventMessage message = event.build();
        synchronized (recent) {
            recent.addLast(message);
            if (recent.size() > RETAINED) {
                recent.removeFirst();
            }
            for (Consumer<EventMessage> subscriber : subscribers) {
                subscriber.accept(message);
            }
        }
    }

    public Subscription subscribe(Consumer<EventMessage> subscriber) {
        synchronized (recent) {
            List<EventMessage> past = List.copyOf(recent);
            subscribers.add(subscriber);
            return new Subscription(past, () -> subscribers.remove(subscriber));
        }
    }

    public int listenerCount() {
        return subscribers.size();
    }
}
