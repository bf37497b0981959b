package dev.wharf.cli.command;

import dev.wharf.image.GoDuration;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The docker CLI's {@code --since}/{@code --until} values (its GetTimestamp): a Go duration such as
 * {@code 40s} or {@code 1h30m} counts back from now (whole seconds), an RFC 3339 date or a local
 * {@code 2006-01-02[T15:04:05]} becomes {@code seconds.nanoseconds}, and a unix timestamp passes as is.
 */
final class EventTimestamps {
    private static final Pattern UNIX = Pattern.compile("\\d+(\\.\\d+)?");

    private EventTimestamps() {}

    static String toQuery(String value, Instant now) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        Optional<Duration> duration = GoDuration.parse(value);
        if (duration.isPresent() && !value.equals("0")) {
            return Long.toString(now.minus(duration.get()).getEpochSecond());
        }
        if (UNIX.matcher(value).matches()) {
            return value;
        }
        Instant instant = parseDate(value);
        return instant.getEpochSecond() + "." + String.format("%09d", instant.getNano());
    }

    private static Instant parseDate(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notWithZone) {
            try {
                return LocalDateTime.parse(value).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException notDateTime) {
                try {
                    return LocalDate.parse(value).atStartOfDay(ZoneId.systemDefault()).toInstant();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("failed to parse value " + value + " as a timestamp");
                }
            }
        }
    }
}
