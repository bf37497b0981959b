package dev.wharf.engine.containers.health;

import dev.wharf.api.types.Health;
import dev.wharf.api.types.HealthcheckResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** How a container's {@code State.Health} moves with each probe (moby's handleProbeResult). */
public final class HealthStates {
    public static final String STARTING = "starting";
    public static final String HEALTHY = "healthy";
    public static final String UNHEALTHY = "unhealthy";
    /** Docker keeps the last five results. */
    static final int MAX_LOG_ENTRIES = 5;

    private HealthStates() {}

    /** A run begins: starting, no failures; the log of earlier runs stays, as moby's initHealthMonitor keeps it. */
    public static Health starting(Health previous) {
        return new Health(STARTING, 0, previous == null || previous.log() == null ? List.of() : previous.log());
    }

    /**
     * After a probe begun at {@code probeStart}: exit 0 is healthy; any other exit grows the failing
     * streak, except while still starting within the start period, and {@code retries} failures in a
     * row are unhealthy.
     */
    static Health after(Health current, HealthcheckResult result, Instant probeStart, HealthCheck check,
            Instant containerStarted) {
        Health health = current == null ? starting(null) : current;
        var log = new ArrayList<>(health.log() == null ? List.<HealthcheckResult>of() : health.log());
        log.add(result);
        List<HealthcheckResult> kept = List.copyOf(log.subList(Math.max(0, log.size() - MAX_LOG_ENTRIES), log.size()));
        if (result.exitCode() == 0) {
            return new Health(HEALTHY, 0, kept);
        }
        boolean grace = STARTING.equals(health.status()) && containerStarted != null
                && Duration.between(containerStarted, probeStart).compareTo(check.startPeriod()) < 0;
        if (grace) {
            return new Health(health.status(), health.failingStreak(), kept);
        }
        int streak = health.failingStreak() + 1;
        return new Health(streak >= check.retries() ? UNHEALTHY : health.status(), streak, kept);
    }
}
