package dev.wharf.api.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A connection taken over after {@code 101 UPGRADED}: the daemon's raw output (multiplexed unless
 * the container has a TTY) and a stdin pipe. {@link #closeWrite()} half-closes, which the daemon
 * reads as stdin EOF while output keeps flowing.
 */
public final class HijackedStream implements Closeable {

    private final HttpResponse response;
    private final OutputStream stdin;

    HijackedStream(HttpResponse response) {
        this.response = response;
        var raw = response.rawOutput();
        // Interactive input must reach the process at once, so every write is flushed.
        this.stdin = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                raw.write(b);
                raw.flush();
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                raw.write(b, off, len);
                raw.flush();
            }

            @Override
            public void close() throws IOException {
                closeWrite();
            }
        };
    }

    /** The response headers of the upgrade (Content-Type tells raw-stream from multiplexed-stream). */
    public HttpHeaders headers() {
        return response.headers();
    }

    public InputStream input() {
        return response.rawInput();
    }

    public OutputStream output() {
        return stdin;
    }

    /** Signals stdin EOF to the daemon: shutdown(SHUT_WR). */
    public void closeWrite() throws IOException {
        response.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        response.close();
    }
}
