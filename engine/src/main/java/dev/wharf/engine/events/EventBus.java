package dev.wharf.engine.events;

import java.util.Map;

/** Daemon events (GET /events): every part of the engine publishes what happened to its objects. */
public interface EventBus {
    /**
     * @param type container, image, volume, network, daemon
     * @param action Docker's action word: create, start, die, destroy, tag, untag, delete, import …
     * @param actorId the object's ID
     * @param attributes Docker's actor attributes (name, image, exitCode, and the object's labels)
     */
    void publish(String type, String action, String actorId, Map<String, String> attributes);
}
