package dev.wharf.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusTextTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void humanDurationsLikeGoUnits() {
        assertThat(StatusText.humanDuration(Duration.ofMillis(300))).isEqualTo("Less than a second");
        assertThat(StatusText.humanDuration(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(StatusText.humanDuration(Duration.ofSeconds(57))).isEqualTo("57 seconds");
        assertThat(StatusText.humanDuration(Duration.ofSeconds(90))).isEqualTo("About a minute");
        assertThat(StatusText.humanDuration(Duration.ofMinutes(2))).isEqualTo("2 minutes");
        assertThat(StatusText.humanDuration(Duration.ofMinutes(59))).isEqualTo("59 minutes");
        assertThat(StatusText.humanDuration(Duration.ofMinutes(80))).isEqualTo("About an hour");
        assertThat(StatusText.humanDuration(Duration.ofHours(5))).isEqualTo("5 hours");
        assertThat(StatusText.humanDuration(Duration.ofDays(3))).isEqualTo("3 days");
        assertThat(StatusText.humanDuration(Duration.ofDays(20))).isEqualTo("2 weeks");
        assertThat(StatusText.humanDuration(Duration.ofDays(90))).isEqualTo("3 months");
        assertThat(StatusText.humanDuration(Duration.ofDays(800))).isEqualTo("2 years");
    }

    @Test
    void statusByState() {
        RunState created = RunState.CREATED;
        RunState running = created.started(42, NOW.minusSeconds(5));
        RunState exited = running.exited(3, false, NOW.minusSeconds(120));

        assertThat(StatusText.of(created, NOW)).isEqualTo("Created");
        assertThat(StatusText.of(running, NOW)).isEqualTo("Up 5 seconds");
        assertThat(StatusText.of(exited, NOW)).isEqualTo("Exited (3) 2 minutes ago");
        assertThat(StatusText.of(exited.removing(true), NOW)).isEqualTo("Removal In Progress");
    }

    @Test
    void aFailedFirstStartStaysCreated() {
        RunState failed = RunState.CREATED.startFailed(127, "exec failed");

        assertThat(failed.status()).isEqualTo("created");
        assertThat(failed.exitCode()).isEqualTo(127);
        assertThat(StatusText.of(failed, NOW)).isEqualTo("Created");
    }
}
