package dev.wharf.engine.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * One Engine API request and its response, in blocking style: each exchange runs on its own virtual
 * thread, so a handler may read the body, wait for a container and stream output as it comes.
 * Exactly one of the respond/stream/hijack methods is called per exchange. When the handler returns,
 * the exchange is over: a stream it left open is ended and a hijacked connection it left open is closed.
 */
public interface Exchange {
    String method();

    /** The path without the {@code /vX.Y} prefix, e.g. {@code /containers/abc/json}. */
    String path();

    /** The API version the client asked for (from the path prefix), or the daemon's maximum. */
    ApiVersion apiVersion();

    /** A {@code {name}} segment of the route's pattern, URL-decoded. */
    String pathParam(String name);

    Optional<String> query(String name);

    List<String> queryAll(String name);

    /** Docker's boolean query parameters: {@code 1}, {@code true} (any case) are true; absent is {@code fallback}. */
    boolean queryFlag(String name, boolean fallback);

    /** The first value of the header, or null. */
    String header(String name);

    /** The request body as it arrives (chunked bodies decoded). */
    InputStream body();

    /**
     * The body as JSON of the given type; an empty body gives null. Malformed JSON becomes Docker's
     * 500 ("unexpected EOF" style), a non-JSON Content-Type its 400.
     */
    <T> T bodyJson(Class<T> type) throws IOException;

    /** Adds a header to the reply sent next (e.g. {@code X-Docker-Container-Path-Stat}); call before responding. */
    Exchange responseHeader(String name, String value);

    void respondJson(int status, Object body) throws IOException;

    void respondEmpty(int status) throws IOException;

    void respondText(int status, String contentType, String text) throws IOException;

    /**
     * Starts a chunked response; each write is flushed to the client at once (events, logs, pulls).
     * Closing the stream ends the response. Writes fail with IOException once the client has gone.
     */
    OutputStream respondStream(int status, String contentType) throws IOException;

    /**
     * Takes over the connection (attach, exec start): answers {@code 101 UPGRADED} when the client asked
     * for an upgrade, else {@code 200 OK} with no framing, then hands over the raw byte streams. Reading
     * returns -1 when the client half-closed its side; closing the output closes the connection.
     */
    Hijacked hijack(String contentType) throws IOException;

    /** Completes when the client's connection closes (a {@code wait} or {@code logs -f} can stop early). */
    java.util.concurrent.CompletionStage<Void> clientGone();

    /** The raw connection after {@link #hijack}. */
    interface Hijacked extends AutoCloseable {
        InputStream in();

        OutputStream out();

        @Override
        void close() throws IOException;
    }
}
