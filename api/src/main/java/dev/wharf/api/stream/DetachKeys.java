package dev.wharf.api.stream;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Docker's detach key sequences ({@code --detach-keys}, the {@code detachKeys} query parameter):
 * comma-separated keys, each a single character or {@code ctrl-<a-z @ [ \ ] ^ _>}.
 */
public final class DetachKeys {
    /** ctrl-p ctrl-q. */
    public static final String DEFAULT = "ctrl-p,ctrl-q";

    private DetachKeys() {}

    /** @throws IllegalArgumentException with Docker's words for an unknown key */
    public static byte[] parse(String keys) {
        var codes = new ByteArrayOutputStream();
        for (String key : keys.split(",", -1)) {
            if (key.length() == 1) {
                codes.write(key.charAt(0));
                continue;
            }
            String lower = key.toLowerCase(Locale.ROOT);
            if (lower.length() != 6 || !lower.startsWith("ctrl-")) {
                throw new IllegalArgumentException("Unknown character: '" + key + "'");
            }
            char c = lower.charAt(5);
            if (c >= 'a' && c <= 'z') {
                codes.write(c - 'a' + 1);
            } else if ("@[\\]^_".indexOf(c) >= 0) {
                codes.write(c == '@' ? 0 : c - '[' + 27);
            } else {
                throw new IllegalArgumentException("Unknown character: '" + key + "'");
            }
        }
        return codes.toByteArray();
    }

    /** The sequence to watch for: {@code keys} when given and valid, else the default (as the docker CLI does). */
    public static byte[] orDefault(String keys) {
        if (keys != null && !keys.isEmpty()) {
            try {
                return parse(keys);
            } catch (IllegalArgumentException invalid) {
                // docker warns and falls back to ctrl-p ctrl-q
            }
        }
        return parse(DEFAULT);
    }
}
