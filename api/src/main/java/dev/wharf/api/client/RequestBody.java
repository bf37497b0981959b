package dev.wharf.api.client;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** What follows the request head: nothing, a known-length byte array, or a stream sent chunked. */
public sealed interface RequestBody {

    record Empty() implements RequestBody {}

    record Bytes(String contentType, byte[] content) implements RequestBody {}

    /** Sent with {@code Transfer-Encoding: chunked}, as Docker clients send tars of unknown length. */
    record Streamed(String contentType, InputStream content) implements RequestBody {}

    RequestBody EMPTY = new Empty();

    static RequestBody json(byte[] json) {
        return new Bytes("application/json", json);
    }

    static RequestBody text(String text) {
        return new Bytes("text/plain", text.getBytes(StandardCharsets.UTF_8));
    }
}
