package dev.wharf.engine.events;

import dev.wharf.api.types.EventMessage;
import dev.wharf.engine.filters.Filters;
import java.util.List;
import java.util.Map;

/** Docker's event filter (daemon/events/filter.go): which events a {@code GET /events} client wants. */
final class EventFilter {
    static final List<String> KEYS = List.of("container", "daemon", "event", "image", "label", "network",
            "plugin", "scope", "type", "volume", "node", "service", "secret", "config");

    private final Filters filters;

    EventFilter(Filters filters) {
        this.filters = filters.accept(KEYS);
    }

    boolean include(EventMessage event) {
        Map<String, String> attributes = event.actor().attributes() == null ? Map.of() : event.actor().attributes();
        return matchAction(event.action())
                && filters.exactMatch("type", event.type())
                && filters.exactMatch("scope", event.scope())
                && fuzzyName("container", event, attributes)
                && fuzzyName("daemon", event, attributes)
                && fuzzyName("network", event, attributes)
                && fuzzyName("volume", event, attributes)
                && fuzzyName("plugin", event, attributes)
                && matchImage(event, attributes)
                && filters.matchLabels("label", attributes);
    }

    /** Actions such as {@code exec_start: sh -c …} also match their bare prefix. */
    private boolean matchAction(String action) {
        if (filters.exactMatch("event", action)) {
            return true;
        }
        int colon = action.indexOf(':');
        return colon > 0 && filters.exactMatch("event", action.substring(0, colon));
    }

    private boolean fuzzyName(String key, EventMessage event, Map<String, String> attributes) {
        return filters.fuzzyMatch(key, event.actor().id()) || filters.fuzzyMatch(key, attributes.get("name"));
    }

    private boolean matchImage(EventMessage event, Map<String, String> attributes) {
        String id = event.actor().id();
        String name = attributes.get(event.type().equals("image") ? "name" : "image");
        return filters.exactMatch("image", id) || filters.exactMatch("image", name)
                || filters.exactMatch("image", stripTag(id)) || filters.exactMatch("image", stripTag(name));
    }

    private static String stripTag(String name) {
        if (name == null) {
            return null;
        }
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        return colon > slash ? name.substring(0, colon) : name;
    }
}
