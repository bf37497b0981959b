package dev.wharf.api.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A response whose body is still on the wire. Closing it closes the connection: the client uses
 * one connection per request, so there is nothing to drain for reuse.
 */
public final class HttpResponse implements Closeable {

    private final HttpConnection connection;
    private final int status;
    private final String reason;
    private final HttpHeaders headers;
    private final InputStream body;

    HttpResponse(HttpConnection connection, int status, String reason, HttpHeaders headers, InputStream body) {
        this.connection = connection;
        this.status = status;
        this.reason = reason;
        this.headers = headers;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** As the Go client's checkResponseErr: 304 (start of a running, stop of a stopped container) is no error. */
    public boolean isSuccess() {
        return status >= 200 && status < 400;
    }

    /** The decoded body (Content-Length, chunked, or until the server closes). */
    public InputStream body() {
        return body;
    }

    public byte[] readBody() throws IOException {
        try (this) {
            return body.readAllBytes();
        }
    }

    /** After a 101 (or a hijacking 200): the raw bytes from the daemon, buffered ones included. */
    InputStream rawInput() {
        return connection.input();
    }

    OutputStream rawOutput() {
        return connection.output();
    }

    void shutdownOutput() throws IOException {
        connection.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
