package dev.wharf.api.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** What follows the request head: nothing, a known-length byte array, or a stream (read or written) sent chunked. */
public sealed interface RequestBody {

    record Empty() implements RequestBody {}

    record Bytes(String contentType, byte[] content) implements RequestBody {}

    /** Sent with {@code Transfer-Encoding: chunked}, as Docker clients send tars of unknown length. */
    record Streamed(String contentType, InputStream content) implements RequestBody {}

    /**
     * Sent chunked as {@link Streamed}, but produced by writing: a tar made on the fly goes straight into
     * the connection, without a pipe and a second thread.
     */
    record Written(String contentType, Writer writer) implements RequestBody {}

    /** Writes a {@link Written} body; {@code out} must not be closed. */
    @FunctionalInterface
    interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    RequestBody EMPTY = new Empty();

    static RequestBody json(byte[] json) {
        return new Bytes("application/json", json);
    }

    static RequestBody text(String text) {
        return new Bytes("text/plain", text.getBytes(StandardCharsets.UTF_8));
    }
}
