package dev.wharf.engine.containers.health;

import dev.wharf.api.types.HealthcheckResult;
import dev.wharf.engine.containers.Timestamps;
import dev.wharf.image.GoDuration;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One run of a healthcheck's command in its container, as Docker records it (moby's cmdProbe). */
public final class HealthProbe {
    /** Docker keeps at most 4 KiB of a probe's output and marks the cut with "...". */
    static final int MAX_OUTPUT = 4096;

    /** Runs a command in the watched container, killed after {@code timeout}, keeping {@code outputLimit} bytes. */
    @FunctionalInterface
    public interface Runner {
        Outcome run(List<String> command, Duration timeout, int outputLimit) throws IOException;
    }

    /** A finished command: stdout and stderr together, whether output was cut, whether the timeout ended it. */
    public record Outcome(int exitCode, String output, boolean truncated, boolean timedOut) {}

    private HealthProbe() {}

    /** A probe that timed out or could not run counts as exit -1, with Docker's message as its output. */
    static HealthcheckResult run(Runner runner, HealthCheck check, List<String> shell, Instant start) {
        try {
            Outcome outcome = runner.run(check.command(shell), check.timeout(), MAX_OUTPUT);
            if (outcome.timedOut()) {
                return result(start, -1, "Health check exceeded timeout (" + GoDuration.format(check.timeout()) + ")");
            }
            return result(start, outcome.exitCode(), outcome.truncated() ? outcome.output() + "..." : outcome.output());
        } catch (IOException | RuntimeException e) {
            return result(start, -1, String.valueOf(e.getMessage()));
        }
    }

    private static HealthcheckResult result(Instant start, int exitCode, String output) {
        return new HealthcheckResult(Timestamps.rfc3339Nano(start), Timestamps.rfc3339Nano(Instant.now()), exitCode, output);
    }
}
