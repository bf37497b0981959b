package dev.wharf.image;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's durations: {@code time.ParseDuration}, which the docker CLI's flags and the Dockerfile's
 * {@code HEALTHCHECK --interval=…} take ({@code 1h30m}, {@code 500ms}, {@code 0}), and
 * {@code Duration.String}, which Docker prints ({@code 1.5s}, {@code 1m30s}, {@code 1h0m0s}).
 */
public final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    private GoDuration() {}

    /** The duration, or empty when the text is not one. */
    public static Optional<Duration> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        if (text.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        boolean negative = text.startsWith("-");
        String rest = negative || text.startsWith("+") ? text.substring(1) : text;
        Matcher matcher = PART.matcher(rest);
        BigDecimal nanos = BigDecimal.ZERO;
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            long unit = switch (matcher.group(2)) {
                case "ns" -> 1L;
                case "us", "µs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            nanos = nanos.add(new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(unit)));
            end = matcher.end();
        }
        if (end == 0 || end != rest.length()) {
            return Optional.empty();
        }
        Duration duration = Duration.ofNanos(nanos.longValue());
        return Optional.of(negative ? duration.negated() : duration);
    }

    /** Go's {@code Duration.String}. */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos < 0) {
            return "-" + format(duration.negated());
        }
        if (nanos == 0) {
            return "0s";
        }
        if (nanos < 1_000) {
            return nanos + "ns";
        }
        if (nanos < 1_000_000) {
            return decimal(nanos, 3) + "µs";
        }
        if (nanos < 1_000_000_000) {
            return decimal(nanos, 6) + "ms";
        }
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        String seconds = decimal(nanos % 60_000_000_000L, 9) + "s";
        if (hours > 0) {
            return hours + "h" + minutes + "m" + seconds;
        }
        return minutes > 0 ? minutes + "m" + seconds : seconds;
    }

    /** {@code value / 10^scale} without trailing zeros. */
    private static String decimal(long value, int scale) {
        return BigDecimal.valueOf(value, scale).stripTrailingZeros().toPlainString();
    }
}
