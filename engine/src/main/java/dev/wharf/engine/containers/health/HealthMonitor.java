package dev.wharf.engine.containers.health;

import dev.wharf.api.types.Health;
import dev.wharf.api.types.HealthcheckResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * Runs healthchecks (moby's health monitor): one virtual thread per watched container waits the
 * interval (the start interval while starting), runs a probe and hands the new health to its
 * {@link Subject}. At most one watch per container is active; a result that arrives after its watch
 * ended is dropped, as moby drops a probe cancelled while it ran.
 */
public final class HealthMonitor {
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();

    /** The watched container, as the monitor sees it. */
    public interface Subject {
        HealthProbe.Runner runner();

        /**
         * Applies {@code change} to the container's health and keeps it, unless {@code watch} ended
         * meanwhile (then empty). Must decide under the same lock that {@link #unwatch} is called under.
         */
        Optional<Health> update(Watch watch, UnaryOperator<Health> change);
    }

    /** One container's probing, from {@link #watch} to {@link #unwatch}. */
    public static final class Watch {
        private final CompletableFuture<Void> ended = new CompletableFuture<>();

        public boolean active() {
            return !ended.isDone();
        }

        /** Waits {@code delay}; true when the watch ended meanwhile. */
        private boolean endsWithin(Duration delay) {
            try {
                ended.get(delay.toNanos(), TimeUnit.NANOSECONDS);
                return true;
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
    }

    /**
     * Starts probing the container {@code id} (its process started at {@code started}, its health now
     * {@code current}), ending any earlier watch of it.
     */
    public void watch(String id, HealthCheck check, List<String> shell, Instant started, Health current,
            Subject subject) {
        Watch watch = new Watch();
        Watch earlier = watches.put(id, watch);
        if (earlier != null) {
            earlier.ended.complete(null);
        }
        String status = current == null ? HealthStates.STARTING : current.status();
        Thread.ofVirtual().name("health-" + id.substring(0, Math.min(12, id.length())))
                .start(() -> probeUntilEnded(watch, check, shell, started, status, subject));
    }

    /** Stops probing the container (stop, exit, pause, removal); a probe under way finishes unrecorded. */
    public void unwatch(String id) {
        Watch watch = watches.remove(id);
        if (watch != null) {
            watch.ended.complete(null);
        }
    }

    private static void probeUntilEnded(Watch watch, HealthCheck check, List<String> shell, Instant started,
            String initialStatus, Subject subject) {
        String status = initialStatus;
        while (!watch.endsWithin(check.delay(Duration.between(started, Instant.now()), status))) {
            Instant probeStart = Instant.now();
            HealthcheckResult result = HealthProbe.run(subject.runner(), check, shell, probeStart);
            Optional<Health> next = subject.update(watch,
                    health -> HealthStates.after(health, result, probeStart, check, started));
            if (next.isEmpty()) {
                return;
            }
            status = next.get().status();
        }
    }
}
