package dev.wharf.api.format;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker's {@code timetypes.GetTimestamp}, for {@code --since}/{@code --until} and {@code until}
 * filters: a Go duration ({@code 10m}, {@code 1h30m}) counts back from now; an RFC 3339 time or date
 * (UTC when it names no zone) becomes {@code seconds.nanoseconds}; unix seconds pass unchanged.
 */
public final class GoTimestamps {
    private static final Pattern DURATION = Pattern.compile("([-+]?)((?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:ns|us|µs|ms|s|m|h))+");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");
    private static final Pattern UNIX = Pattern.compile("\\d+(\\.\\d{1,9})?");

    private GoTimestamps() {}

    /** The value as docker sends it to the daemon; {@code IllegalArgumentException} with docker's message otherwise. */
    public static String toApi(String value, Instant now) {
        Long nanos = durationNanos(value);
        if (nanos != null && !value.equals("0")) {
            Instant at = now.minusNanos(nanos);
            return String.valueOf(at.getEpochSecond());
        }
        if (value.contains("-")) {
            Instant time = parseTime(value);
            return time.getEpochSecond() + "." + String.format("%09d", time.getNano());
        }
        if (UNIX.matcher(value).matches()) {
            return value;
        }
        throw new IllegalArgumentException("failed to parse value as time or duration: \"" + value + "\"");
    }

    /** The instant a {@link #toApi} value (or any docker time argument) names. */
    public static Instant parse(String value, Instant now) {
        String api = toApi(value, now);
        BigDecimal seconds = new BigDecimal(api);
        return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }

    /** Go's {@code time.ParseDuration} in nanoseconds, or null when the text is no duration. */
    static Long durationNanos(String text) {
        Matcher whole = DURATION.matcher(text);
        if (!whole.matches()) {
            return null;
        }
        double total = 0;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            double n = Double.parseDouble(part.group(1));
            total += n * switch (part.group(2)) {
                case "ns" -> 1L;
                case "us", "µs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
        }
        return (long) (whole.group(1).equals("-") ? -total : total);
    }

    private static Instant parseTime(String value) {
        try {
            return OffsetDateTime.parse(value.replace('z', 'Z')).toInstant();
        } catch (DateTimeParseException e) {
            // no zone: UTC, as wharf runs its containers' clocks in UTC
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // maybe a date alone
        }
        try {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("parsing time \"" + value + "\": " + e.getMessage());
        }
    }
}
