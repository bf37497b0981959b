package dev.wharf.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusTextTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

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
