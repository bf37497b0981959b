package dev.wharf.cli.command;

import dev.wharf.api.types.HealthConfig;
import dev.wharf.api.types.RestartPolicy;
import dev.wharf.image.GoDuration;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code run}'s restart policy and healthcheck flags, checked as the docker CLI checks them; a bad
 * combination is an {@link IllegalArgumentException} with docker's message.
 */
final class RestartHealthOptions {

    @Option(names = "--restart", description = "Restart policy to apply when a container exits (default \"no\").")
    private String restart;

    @Option(names = "--health-cmd", description = "Command to run to check health.")
    private String healthCmd;

    @Option(names = "--health-interval", description = "Time between running the check (ms|s|m|h) (default 0s).")
    private String healthInterval;

    @Option(names = "--health-timeout", description = "Maximum time to allow one check to run (ms|s|m|h) (default 0s).")
    private String healthTimeout;

    @Option(names = "--health-start-period",
            description = "Start period for the container to initialize before starting health-retries countdown.")
    private String healthStartPeriod;

    @Option(names = "--health-start-interval", description = "Time between running the check during the start period.")
    private String healthStartInterval;

    @Option(names = "--health-retries", description = "Consecutive failures needed to report unhealthy.")
    private int healthRetries;

    @Option(names = "--no-healthcheck", description = "Disable any container-specified HEALTHCHECK.")
    private boolean noHealthcheck;

    /** docker's ParseRestartPolicy; the daemon checks the name. */
    RestartPolicy restartPolicy(boolean autoRemove) {
        if (restart == null || restart.isEmpty()) {
            return new RestartPolicy("no", 0);
        }
        int colon = restart.indexOf(':');
        String name = colon < 0 ? restart : restart.substring(0, colon);
        int count = 0;
        if (colon == 0) {
            throw new IllegalArgumentException("invalid restart policy format: no policy provided before colon");
        }
        if (colon > 0 && colon < restart.length() - 1) {
            try {
                count = Integer.parseInt(restart.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid restart policy format: maximum retry count must be an integer");
            }
        }
        if (autoRemove && !name.equals("no")) {
            throw new IllegalArgumentException("conflicting options: cannot specify both --restart and --rm");
        }
        return new RestartPolicy(name, count);
    }

    /** The Healthcheck to send: null to keep the image's, {@code ["NONE"]} for --no-healthcheck. */
    HealthConfig healthcheck() {
        Duration interval = duration("--health-interval", healthInterval);
        Duration timeout = duration("--health-timeout", healthTimeout);
        Duration startPeriod = duration("--health-start-period", healthStartPeriod);
        Duration startInterval = duration("--health-start-interval", healthStartInterval);
        boolean any = healthCmd != null && !healthCmd.isEmpty() || !interval.isZero() || !timeout.isZero()
                || !startPeriod.isZero() || !startInterval.isZero() || healthRetries != 0;
        if (noHealthcheck) {
            if (any) {
                throw new IllegalArgumentException("--no-healthcheck conflicts with --health-* options");
            }
            return new HealthConfig(List.of("NONE"), null, null, null, null, null);
        }
        if (!any) {
            return null;
        }
        if (healthRetries < 0) {
            throw new IllegalArgumentException("--health-retries cannot be negative");
        }
        List<String> test = healthCmd == null || healthCmd.isEmpty() ? null : List.of("CMD-SHELL", healthCmd);
        return new HealthConfig(test, interval.toNanos(), timeout.toNanos(), healthRetries, startPeriod.toNanos(),
                startInterval.toNanos());
    }

    private static Duration duration(String flag, String text) {
        if (text == null) {
            return Duration.ZERO;
        }
        Duration duration = GoDuration.parse(text).orElseThrow(() -> new IllegalArgumentException(
                "invalid argument \"" + text + "\" for \"" + flag + "\" flag: time: invalid duration \"" + text + "\""));
        if (duration.isNegative()) {
            throw new IllegalArgumentException(flag + " cannot be negative");
        }
        return duration;
    }
}
