package dev.wharf.api.stream;

import java.io.IOException;
import java.io.OutputStream;

/** Wraps every write in one frame header, so a process write maps to one frame as in Docker. */
final class FramingOutputStream extends OutputStream {

    private final OutputStream out;
    private final StreamType stream;

    FramingOutputStream(OutputStream out, StreamType stream) {
        this.out = out;
        this.stream = stream;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        MultiplexedStream.writeFrame(out, stream, b, off, len);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Closing one stream of a multiplex must not close the shared connection. */
    @Override
    public void close() throws IOException {
        flush();
    }
}
