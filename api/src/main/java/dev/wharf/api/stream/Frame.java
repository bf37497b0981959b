package dev.wharf.api.stream;

import java.nio.charset.StandardCharsets;

/** One multiplexed frame: a stream and the payload of one write. */
public record Frame(StreamType stream, byte[] payload) {

    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
