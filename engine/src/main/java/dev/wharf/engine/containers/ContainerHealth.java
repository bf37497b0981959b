package dev.wharf.engine.containers;

import dev.wharf.api.types.Health;
import dev.wharf.engine.containers.health.HealthCheck;
import dev.wharf.engine.containers.health.HealthMonitor;
import dev.wharf.engine.containers.health.HealthProbe;
import dev.wharf.engine.containers.health.HealthStates;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The containers' side of healthchecks: probing runs while a container runs unpaused (moby's
 * updateHealthMonitor), probes are execs, and each result lands in {@code State.Health}, persisted with
 * the container, with a {@code health_status: <status>} event when the status changes. Every call
 * here is made with the container's lock held.
 */
final class ContainerHealth {
    private static final Logger LOG = System.getLogger(ContainerHealth.class.getName());

    private final HealthMonitor monitor = new HealthMonitor();
    private final ContainerStore store;
    private final ContainerEvents events;
    private final ExecService execs;

    ContainerHealth(ContainerStore store, ContainerEvents events, ExecService execs) {
        this.store = store;
        this.events = events;
        this.execs = execs;
    }

    /** The health a new run of the container starts with: starting again, or none without a healthcheck. */
    static Health initial(ContainerRecord record) {
        return HealthCheck.of(record.config().healthcheck()).isPresent()
                ? HealthStates.starting(record.state().health()) : null;
    }

    /** Probes from now on, if the container has a healthcheck and runs unpaused. */
    void watch(Container container) {
        ContainerRecord record = container.record();
        RunState state = record.state();
        if (!state.running() || state.paused()) {
            return;
        }
        HealthCheck.of(record.config().healthcheck()).ifPresent(check -> monitor.watch(record.id(), check,
                record.config().shell(), state.startedAtInstant(), state.health(), new Subject(container)));
    }

    void unwatch(Container container) {
        monitor.unwatch(container.id());
    }

    private final class Subject implements HealthMonitor.Subject {
        private final Container container;

        Subject(Container container) {
            this.container = container;
        }

        @Override
        public HealthProbe.Runner runner() {
            return (command, timeout, outputLimit) -> execs.run(container.id(), command, timeout, outputLimit);
        }

        @Override
        public Optional<Health> update(HealthMonitor.Watch watch, UnaryOperator<Health> change) {
            container.lock.lock();
            try {
                ContainerRecord record = container.record();
                if (!watch.active() || !record.state().running()) {
                    return Optional.empty();
                }
                Health before = record.state().health();
                Health after = change.apply(before);
                record = record.withState(record.state().withHealth(after));
                container.update(record);
                try {
                    store.save(record);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "cannot save the health of " + record.id(), e);
                }
                if (before == null || !Objects.equals(before.status(), after.status())) {
                    events.publish(record, "health_status: " + after.status());
                }
                return Optional.of(after);
            } finally {
                container.lock.unlock();
            }
        }
    }
}
