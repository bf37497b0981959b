package dev.wharf.api.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HumanDurationTest {
    @Test
    void humanDurationsLikeGoUnits() {
        assertThat(HumanDuration.of(Duration.ofMillis(300))).isEqualTo("Less than a second");
        assertThat(HumanDuration.of(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(HumanDuration.of(Duration.ofSeconds(57))).isEqualTo("57 seconds");
        assertThat(HumanDuration.of(Duration.ofSeconds(90))).isEqualTo("About a minute");
        assertThat(HumanDuration.of(Duration.ofMinutes(2))).isEqualTo("2 minutes");
        assertThat(HumanDuration.of(Duration.ofMinutes(59))).isEqualTo("59 minutes");
        assertThat(HumanDuration.of(Duration.ofMinutes(80))).isEqualTo("About an hour");
        assertThat(HumanDuration.of(Duration.ofHours(5))).isEqualTo("5 hours");
        assertThat(HumanDuration.of(Duration.ofDays(3))).isEqualTo("3 days");
        assertThat(HumanDuration.of(Duration.ofDays(20))).isEqualTo("2 weeks");
        assertThat(HumanDuration.of(Duration.ofDays(90))).isEqualTo("3 months");
        assertThat(HumanDuration.of(Duration.ofDays(800))).isEqualTo("2 years");
    }
}
