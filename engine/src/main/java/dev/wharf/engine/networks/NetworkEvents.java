package dev.wharf.engine.networks;

import dev.wharf.engine.events.EventBus;
import java.util.LinkedHashMap;
import java.util.Map;

/** Network events with Docker's attributes: {@code container} (connect, disconnect), {@code name}, {@code type}. */
final class NetworkEvents {
    private final EventBus bus;

    NetworkEvents(EventBus bus) {
        this.bus = bus;
    }

    void publish(NetworkRecord network, String action, Map<String, String> extra) {
        var attributes = new LinkedHashMap<>(extra);
        attributes.put("name", network.name());
        attributes.put("type", network.driver());
        bus.publish("network", action, network.id(), attributes);
    }
}
