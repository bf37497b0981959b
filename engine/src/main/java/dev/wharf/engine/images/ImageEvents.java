package dev.wharf.engine.images;

import dev.wharf.engine.events.EventBus;
import dev.wharf.image.Image;
import java.util.HashMap;
import java.util.Map;

/** Image events as dockerd publishes them: the image's labels plus a {@code name} attribute. */
public final class ImageEvents {
    private final EventBus bus;

    public ImageEvents(EventBus bus) {
        this.bus = bus;
    }

    /** @param name the reference for tag events; Docker uses the image ID for untag, delete and import */
    public void publish(String action, Image image, String name) {
        Map<String, String> attributes = new HashMap<>();
        Map<String, String> labels = image.config().containerConfig().labels();
        if (labels != null) {
            attributes.putAll(labels);
        }
        attributes.put("name", name);
        bus.publish("image", action, image.id().toString(), attributes);
    }
}
