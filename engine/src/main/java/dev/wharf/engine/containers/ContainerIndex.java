package dev.wharf.engine.containers;

import dev.wharf.engine.errors.ConflictException;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.errors.NotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The daemon's containers by ID and by name, with Docker's lookup order: full ID, then exact name
 * (with or without the leading slash), then a unique ID prefix.
 */
final class ContainerIndex {
    private final Map<String, Container> byId = new HashMap<>();
    private final Map<String, String> idByName = new HashMap<>();

    /** Adds the container, reserving its name; a taken name is Docker's 409. */
    synchronized void add(Container container) {
        ContainerRecord record = container.record();
        String owner = idByName.get(record.name());
        if (owner != null && !owner.equals(record.id())) {
            throw nameConflict(record.name(), owner);
        }
        byId.put(record.id(), container);
        idByName.put(record.name(), record.id());
    }

    synchronized void remove(Container container) {
        byId.remove(container.id());
        idByName.remove(container.record().name(), container.id());
    }

    /** Moves the container to {@code newName}; a taken name is Docker's 409. The caller updates the record. */
    synchronized void rename(Container container, String newName) {
        String owner = idByName.get(newName);
        if (owner != null) {
            throw nameConflict(newName, owner);
        }
        idByName.remove(container.record().name(), container.id());
        idByName.put(newName, container.id());
    }

    synchronized boolean nameTaken(String name) {
        return idByName.containsKey(name);
    }

    /** Docker's GetContainer: 404 {@code No such container: x}; an ambiguous prefix is a 400. */
    synchronized Container get(String reference) {
        return find(reference).orElseThrow(() -> new NotFoundException("No such container: " + reference));
    }

    synchronized Optional<Container> find(String reference) {
        if (reference == null || reference.isEmpty()) {
            throw new InvalidArgumentException("No container name or ID supplied");
        }
        Container exact = byId.get(reference);
        if (exact != null) {
            return Optional.of(exact);
        }
        String name = reference.startsWith("/") ? reference.substring(1) : reference;
        String named = idByName.get(name);
        if (named != null) {
            return Optional.of(byId.get(named));
        }
        if (!reference.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return Optional.empty();
        }
        Container match = null;
        for (var entry : byId.entrySet()) {
            if (entry.getKey().startsWith(reference)) {
                if (match != null) {
                    throw new InvalidArgumentException("Multiple IDs found with provided prefix: " + reference);
                }
                match = entry.getValue();
            }
        }
        return Optional.ofNullable(match);
    }

    synchronized List<Container> all() {
        return new ArrayList<>(byId.values());
    }

    static ConflictException nameConflict(String name, String ownerId) {
        return new ConflictException("Conflict. The container name \"/" + name + "\" is already in use by container \""
                + ownerId + "\". You have to remove (or rename) that container to be able to reuse that name.");
    }
}
