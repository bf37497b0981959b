package dev.wharf.engine.containers.health;

import dev.wharf.api.types.HealthConfig;
import dev.wharf.engine.errors.InvalidArgumentException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A container's healthcheck with Docker's defaults filled in (moby daemon/health.go): interval and
 * timeout 30 s, start period 0, start interval 5 s, 3 retries. {@code shell} says whether the test
 * runs through the container's shell ({@code CMD-SHELL}) or is an argv ({@code CMD}).
 */
public record HealthCheck(List<String> test, boolean shell, Duration interval, Duration timeout,
        Duration startPeriod, Duration startInterval, int retries) {
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration DEFAULT_START_INTERVAL = Duration.ofSeconds(5);
    static final int DEFAULT_RETRIES = 3;
    /** moby's container.MinimumDuration for every non-zero duration of a healthcheck. */
    private static final long MINIMUM_NANOS = 1_000_000;
    private static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

    public HealthCheck {
        test = List.copyOf(test);
    }

    /** The check to run, or empty without one: no config, no test, {@code NONE} or an unknown type. */
    public static Optional<HealthCheck> of(HealthConfig config) {
        if (config == null || config.test() == null || config.test().isEmpty()) {
            return Optional.empty();
        }
        String type = config.test().getFirst();
        if (!type.equals("CMD") && !type.equals("CMD-SHELL")) {
            return Optional.empty(); // NONE, or a type moby ignores with a warning
        }
        boolean shell = type.equals("CMD-SHELL");
        List<String> test = config.test().subList(1, config.test().size());
        return Optional.of(new HealthCheck(test, shell, orDefault(config.interval(), DEFAULT_INTERVAL),
                orDefault(config.timeout(), DEFAULT_TIMEOUT), orDefault(config.startPeriod(), Duration.ZERO),
                orDefault(config.startInterval(), DEFAULT_START_INTERVAL),
                config.retries() == null || config.retries() <= 0 ? DEFAULT_RETRIES : config.retries()));
    }

    /** dockerd's create-time checks (validateHealthCheck), with its messages. */
    public static void validate(HealthConfig config) {
        if (config == null) {
            return;
        }
        requireMinimum("Interval", config.interval());
        requireMinimum("Timeout", config.timeout());
        if (config.retries() != null && config.retries() < 0) {
            throw new InvalidArgumentException("Retries in Healthcheck cannot be negative");
        }
        requireMinimum("StartPeriod", config.startPeriod());
        requireMinimum("StartInterval", config.startInterval());
    }

    /** The probe's argv: the test itself, or the test after the container's shell (moby's getShell). */
    public List<String> command(List<String> containerShell) {
        if (!shell) {
            return test;
        }
        var argv = new ArrayList<>(containerShell == null || containerShell.isEmpty() ? DEFAULT_SHELL : containerShell);
        argv.addAll(test);
        return argv;
    }

    /** The wait before the next probe: the start interval while starting within the start period. */
    Duration delay(Duration sinceStart, String status) {
        return sinceStart.compareTo(startPeriod) < 0 && HealthStates.STARTING.equals(status) ? startInterval : interval;
    }

    private static Duration orDefault(Long nanos, Duration fallback) {
        return nanos == null || nanos == 0 ? fallback : Duration.ofNanos(nanos);
    }

    private static void requireMinimum(String field, Long nanos) {
        if (nanos != null && nanos != 0 && nanos < MINIMUM_NANOS) {
            throw new InvalidArgumentException(field + " in Healthcheck cannot be less than 1ms");
        }
    }
}
