package dev.wharf.engine.containers;

import dev.wharf.engine.events.EventBus;
import java.util.LinkedHashMap;
import java.util.Map;

/** Publishes container events with Docker's actor attributes: the labels, then image and name, then extras. */
final class ContainerEvents {
    private final EventBus bus;

    ContainerEvents(EventBus bus) {
        this.bus = bus;
    }

    void publish(ContainerRecord record, String action) {
        publish(record, action, Map.of());
    }

    void publish(ContainerRecord record, String action, Map<String, String> extra) {
        var attributes = new LinkedHashMap<String, String>();
        if (record.config().labels() != null) {
            attributes.putAll(record.config().labels());
        }
        attributes.put("image", record.config().image());
        attributes.put("name", record.name());
        attributes.putAll(extra);
        bus.publish("container", action, record.id(), attributes);
    }
}
