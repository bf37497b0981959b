package dev.wharf.engine.containers.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.api.types.Health;
import dev.wharf.api.types.HealthConfig;
import dev.wharf.api.types.HealthcheckResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthStatesTest {
    private static final Instant STARTED = Instant.parse("2026-01-01T10:00:00Z");
    private static final long SECOND = 1_000_000_000L;

    private final HealthCheck check = HealthCheck.of(
            new HealthConfig(List.of("CMD-SHELL", "exit 1"), SECOND, null, 2, 10 * SECOND, null)).orElseThrow();

    @Test
    void successIsHealthyAndResetsTheStreak() {
        Health failing = new Health(HealthStates.HEALTHY, 1, List.of());

        Health next = HealthStates.after(failing, result(0), STARTED.plusSeconds(30), check, STARTED);

        assertThat(next.status()).isEqualTo(HealthStates.HEALTHY);
        assertThat(next.failingStreak()).isZero();
        assertThat(next.log()).hasSize(1);
    }

    @Test
    void failuresWithinTheStartPeriodDoNotCountWhileStarting() {
        Health starting = HealthStates.starting(null);

        Health next = HealthStates.after(starting, result(1), STARTED.plusSeconds(5), check, STARTED);

        assertThat(next.status()).isEqualTo(HealthStates.STARTING);
        assertThat(next.failingStreak()).isZero();
    }

    @Test
    void retriesFailuresInARowAreUnhealthy() {
        Health health = HealthStates.starting(null);
        health = HealthStates.after(health, result(1), STARTED.plusSeconds(11), check, STARTED);
        assertThat(health.status()).isEqualTo(HealthStates.STARTING);
        assertThat(health.failingStreak()).isEqualTo(1);

        health = HealthStates.after(health, result(1), STARTED.plusSeconds(12), check, STARTED);

        assertThat(health.status()).isEqualTo(HealthStates.UNHEALTHY);
        assertThat(health.failingStreak()).isEqualTo(2);
    }

    @Test
    void theLogKeepsTheLastFiveResultsAndSurvivesARestart() {
        Health health = HealthStates.starting(null);
        for (int code = 0; code < 7; code++) {
            health = HealthStates.after(health, result(code), STARTED.plusSeconds(60), check, STARTED);
        }

        assertThat(health.log()).extracting(HealthcheckResult::exitCode).containsExactly(2, 3, 4, 5, 6);
        Health restarted = HealthStates.starting(health);
        assertThat(restarted.status()).isEqualTo(HealthStates.STARTING);
        assertThat(restarted.failingStreak()).isZero();
        assertThat(restarted.log()).hasSize(5);
    }

    @Test
    void theStartIntervalAppliesOnlyWhileStartingWithinTheStartPeriod() {
        assertThat(check.delay(Duration.ofSeconds(3), HealthStates.STARTING)).isEqualTo(Duration.ofSeconds(5));
        assertThat(check.delay(Duration.ofSeconds(3), HealthStates.HEALTHY)).isEqualTo(Duration.ofSeconds(1));
        assertThat(check.delay(Duration.ofSeconds(11), HealthStates.STARTING)).isEqualTo(Duration.ofSeconds(1));
    }

    private static HealthcheckResult result(int exitCode) {
        return new HealthcheckResult("start", "end", exitCode, "");
    }
}
