package dev.wharf.engine.filters;

import dev.wharf.engine.errors.InvalidArgumentException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The prune endpoints' {@code until} filter: a Go duration ({@code 24h}, {@code 90m}), unix seconds or RFC 3339. */
public final class UntilFilter {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s|m|h)");

    private UntilFilter() {}

    /** The instant before which objects match, or null when there is no {@code until}. */
    public static Instant parse(Filters filters, Instant now) {
        if (!filters.has("until")) {
            return null;
        }
        if (filters.get("until").size() > 1) {
            throw new InvalidArgumentException("more than one until filter specified");
        }
        String value = filters.get("until").iterator().next();
        Duration duration = duration(value);
        if (duration != null) {
            return now.minus(duration);
        }
        if (value.matches("\\d+(\\.\\d+)?")) {
            return Instant.ofEpochMilli((long) (Double.parseDouble(value) * 1000));
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidArgumentException("failed to parse value of filter (until=" + value + ")");
        }
    }

    private static Duration duration(String text) {
        Matcher m = DURATION.matcher(text);
        long nanos = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            double amount = Double.parseDouble(m.group(1));
            long unit = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            nanos += (long) (amount * unit);
            end = m.end();
        }
        return end > 0 && end == text.length() ? Duration.ofNanos(nanos) : null;
    }
}
