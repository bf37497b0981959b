package dev.wharf.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationTest {
    @Test
    void parsesGoSyntax() {
        assertThat(GoDuration.parse("1h30m")).contains(Duration.ofMinutes(90));
        assertThat(GoDuration.parse("1.5s")).contains(Duration.ofMillis(1500));
        assertThat(GoDuration.parse("0")).contains(Duration.ZERO);
        assertThat(GoDuration.parse("-2ms")).contains(Duration.ofMillis(-2));
        assertThat(GoDuration.parse("10")).isEmpty();
        assertThat(GoDuration.parse("1x")).isEmpty();
    }

    @Test
    void printsAsGoDoes() {
        assertThat(GoDuration.format(Duration.ofSeconds(1))).isEqualTo("1s");
        assertThat(GoDuration.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(GoDuration.format(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(GoDuration.format(Duration.ofNanos(1500))).isEqualTo("1.5µs");
        assertThat(GoDuration.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(GoDuration.format(Duration.ofHours(1))).isEqualTo("1h0m0s");
        assertThat(GoDuration.format(Duration.ZERO)).isEqualTo("0s");
    }
}
