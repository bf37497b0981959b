package dev.wharf.api.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds an encoded query string; null values are left out, booleans become 1/0 as in Docker. */
final class Query {

    private final StringBuilder query = new StringBuilder();

    Query add(String name, String value) {
        if (value != null) {
            query.append(query.isEmpty() ? '?' : '&')
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return this;
    }

    /** Only adds {@code name=1} when set, as the docker CLI does. */
    Query flag(String name, boolean value) {
        return value ? add(name, "1") : this;
    }

    @Override
    public String toString() {
        return query.toString();
    }

    /**
     * Escapes a name for use as a path segment. Slashes and colons stay as they are: image
     * references like {@code library/busybox:latest} are sent verbatim by Docker clients.
     */
    static String segment(String value) {
        var escaped = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~/:@+=,!$&'()*".indexOf(c) >= 0;
            if (plain) {
                escaped.append((char) c);
            } else {
                escaped.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return escaped.toString();
    }
}
