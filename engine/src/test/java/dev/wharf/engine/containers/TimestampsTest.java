package dev.wharf.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    @Test
    void rfc3339NanoDropsTrailingZeros() {
        assertThat(Timestamps.rfc3339Nano(Instant.parse("2026-12-01T07:12:18.399469644Z")))
                .isEqualTo("2026-12-01T07:12:18.399469644Z");
        assertThat(Timestamps.rfc3339Nano(Instant.parse("2026-12-01T07:12:18.100Z"))).isEqualTo("2026-12-01T07:12:18.1Z");
        assertThat(Timestamps.rfc3339Nano(Instant.parse("2026-12-01T07:12:18Z"))).isEqualTo("2026-12-01T07:12:18Z");
        assertThat(Timestamps.rfc3339Nano(null)).isEqualTo("0001-01-01T00:00:00Z");
    }

    @Test
    void fixedFormatKeepsNineDigits() {
        assertThat(Timestamps.rfc3339NanoFixed(Instant.parse("2026-12-01T07:12:18.1Z")))
                .isEqualTo("2026-12-01T07:12:18.100000000Z");
    }

    @Test
    void parsesUnixSecondsWithFraction() {
        assertThat(Timestamps.parseUnixOrRfc3339("1700000000.5")).isEqualTo(Instant.ofEpochSecond(1700000000, 500_000_000));
        assertThat(Timestamps.parseUnixOrRfc3339("")).isNull();
        assertThat(Timestamps.parse(Timestamps.ZERO)).isNull();
    }
}
