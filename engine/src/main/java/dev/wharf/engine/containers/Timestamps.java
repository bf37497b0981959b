package dev.wharf.engine.containers;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Go's time formats as Docker prints them. */
public final class Timestamps {
    /** Go's zero time, which Docker prints for "never" (FinishedAt of a running container). */
    static final String ZERO = "0001-01-01T00:00:00Z";

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {}

    /** Go's RFC3339Nano: the fraction loses its trailing zeros (and its dot when it is zero). */
    public static String rfc3339Nano(Instant time) {
        if (time == null) {
            return ZERO;
        }
        String fraction = String.format("%09d", time.getNano()).replaceFirst("0+$", "");
        return SECONDS.format(time) + (fraction.isEmpty() ? "" : "." + fraction) + "Z";
    }

    /** Docker's log timestamps (RFC3339NanoFixed): always nine fraction digits, so lines align. */
    static String rfc3339NanoFixed(Instant time) {
        return SECONDS.format(time) + "." + String.format("%09d", time.getNano()) + "Z";
    }

    /** Reads what {@link #rfc3339Nano} wrote; the zero time and null are "never". */
    static Instant parse(String text) {
        return text == null || text.isEmpty() || text.equals(ZERO) ? null : Instant.parse(text);
    }

    /**
     * Docker's {@code since}/{@code until} query values: unix seconds with an optional fraction
     * ({@code 1700000000.5}), or an RFC 3339 time. Empty or absent means no bound (null).
     */
    static Instant parseUnixOrRfc3339(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.matches("-?\\d+(\\.\\d{1,9})?")) {
            int dot = text.indexOf('.');
            long seconds = Long.parseLong(dot < 0 ? text : text.substring(0, dot));
            long nanos = dot < 0 ? 0 : Long.parseLong((text.substring(dot + 1) + "000000000").substring(0, 9));
            return Instant.ofEpochSecond(seconds, nanos);
        }
        return Instant.parse(text);
    }
}
