package dev.wharf.engine.distribution;

import dev.wharf.engine.http.Exchange;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A streamed 200 reply that starts with its first byte: until then a failure can still be answered with a
 * plain error status, as dockerd's write-flusher does for a load that fails before any progress.
 */
final class ReplyOnDemand extends OutputStream {
    private final Exchange exchange;
    private final String contentType;
    private OutputStream out;

    ReplyOnDemand(Exchange exchange, String contentType) {
        this.exchange = exchange;
        this.contentType = contentType;
    }

    boolean started() {
        return out != null;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (out == null) {
            out = exchange.respondStream(200, contentType);
        }
        out.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    /** Ends the reply, starting an empty one if nothing was written. */
    @Override
    public void close() throws IOException {
        if (out == null) {
            out = exchange.respondStream(200, contentType);
        }
        out.close();
    }
}
