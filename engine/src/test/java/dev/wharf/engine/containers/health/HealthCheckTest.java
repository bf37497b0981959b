package dev.wharf.engine.containers.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.api.types.HealthConfig;
import dev.wharf.engine.errors.InvalidArgumentException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthCheckTest {
    @Test
    void dockersDefaultsFillUnsetFields() {
        HealthCheck check = HealthCheck.of(new HealthConfig(List.of("CMD", "true"), null, 0L, 0, null, null))
                .orElseThrow();

        assertThat(check.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(check.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(check.startPeriod()).isZero();
        assertThat(check.startInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(check.retries()).isEqualTo(3);
    }

    @Test
    void noneNoTestAndUnknownTypesMeanNoHealthcheck() {
        assertThat(HealthCheck.of(null)).isEmpty();
        assertThat(HealthCheck.of(new HealthConfig(List.of("NONE"), null, null, null, null, null))).isEmpty();
        assertThat(HealthCheck.of(new HealthConfig(null, 1L, null, null, null, null))).isEmpty();
        assertThat(HealthCheck.of(new HealthConfig(List.of("HTTP", "x"), null, null, null, null, null))).isEmpty();
    }

    @Test
    void cmdIsAnArgvAndCmdShellRunsThroughTheContainersShell() {
        HealthCheck exec = HealthCheck.of(new HealthConfig(List.of("CMD", "cat", "/ready"), null, null, null, null,
                null)).orElseThrow();
        HealthCheck shell = HealthCheck.of(new HealthConfig(List.of("CMD-SHELL", "test -f /ready"), null, null, null,
                null, null)).orElseThrow();

        assertThat(exec.command(null)).containsExactly("cat", "/ready");
        assertThat(shell.command(null)).containsExactly("/bin/sh", "-c", "test -f /ready");
        assertThat(shell.command(List.of("/bin/ash", "-e", "-c"))).containsExactly("/bin/ash", "-e", "-c",
                "test -f /ready");
    }

    @Test
    void durationsBelowOneMillisecondAreRefusedWithDockersMessages() {
        assertThatThrownBy(() -> HealthCheck.validate(new HealthConfig(List.of("CMD", "true"), 1000L, null, null, null,
                null))).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Interval in Healthcheck cannot be less than 1ms");
        assertThatThrownBy(() -> HealthCheck.validate(new HealthConfig(null, null, null, -1, null, null)))
                .hasMessage("Retries in Healthcheck cannot be negative");
        assertThatThrownBy(() -> HealthCheck.validate(new HealthConfig(null, null, null, null, 5L, null)))
                .hasMessage("StartPeriod in Healthcheck cannot be less than 1ms");
        HealthCheck.validate(new HealthConfig(List.of("CMD", "true"), 0L, 1_000_000L, 0, 0L, 0L));
    }
}
