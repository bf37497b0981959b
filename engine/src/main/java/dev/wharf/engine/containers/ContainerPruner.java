package dev.wharf.engine.containers;

import dev.wharf.api.format.GoTimestamps;
import dev.wharf.api.types.ContainerPruneResponse;
import dev.wharf.engine.errors.EngineException;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.events.EventBus;
import dev.wharf.engine.filters.Filters;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * {@code POST /containers/prune} (moby's ContainersPrune): removes every container that is not
 * running, filtered by {@code until} (created before; a time or a duration back from now),
 * {@code label} and {@code label!}; reports the IDs and the writable layers' bytes, and publishes
 * Docker's {@code prune} event with {@code reclaimed}.
 */
final class ContainerPruner {
    private static final System.Logger LOG = System.getLogger(ContainerPruner.class.getName());
    private static final Set<String> FILTERS = Set.of("until", "label", "label!");

    private final ContainerIndex index;
    private final ContainerLifecycle lifecycle;
    private final ToLongFunction<ContainerRecord> sizeRw;
    private final EventBus bus;

    ContainerPruner(ContainerIndex index, ContainerLifecycle lifecycle, ToLongFunction<ContainerRecord> sizeRw,
            EventBus bus) {
        this.index = index;
        this.lifecycle = lifecycle;
        this.sizeRw = sizeRw;
        this.bus = bus;
    }

    ContainerPruneResponse prune(Filters filters) {
        filters.accept(FILTERS);
        Instant until = until(filters);
        List<String> deleted = new ArrayList<>();
        long reclaimed = 0;
        for (Container container : index.all()) {
            ContainerRecord record = container.record();
            if (record.state().running() || record.state().removing()
                    || (until != null && !Timestamps.parse(record.created()).isBefore(until))
                    || !filters.matchLabels("label", record.config().labels())
                    || filters.matchesAnyLabel("label!", record.config().labels())) {
                continue;
            }
            long size = sizeRw.applyAsLong(record);
            try {
                lifecycle.remove(container, false, false);
            } catch (IOException | EngineException e) {
                LOG.log(Level.WARNING, "prune: cannot remove container " + record.id() + ": " + e.getMessage());
                continue; // started or removed meanwhile: moby skips it too
            }
            deleted.add(record.id());
            reclaimed += size;
        }
        bus.publish("container", "prune", "", Map.of("reclaimed", Long.toString(reclaimed)));
        return new ContainerPruneResponse(deleted, reclaimed);
    }

    private static Instant until(Filters filters) {
        if (!filters.has("until")) {
            return null;
        }
        Set<String> values = filters.get("until");
        if (values.size() > 1) {
            throw new InvalidArgumentException("more than one until filter specified");
        }
        try {
            return GoTimestamps.parse(values.iterator().next(), Instant.now());
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException(e.getMessage(), e);
        }
    }
}
