package dev.wharf.api.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Docker's stdout/stderr multiplexing, used for attach, exec and logs when the container has no TTY.
 *
 * <p>Each frame is an 8-byte header — stream type, three zero bytes, big-endian uint32 payload
 * length — followed by the payload. With a TTY the stream is raw bytes and none of this applies.
 */
public final class MultiplexedStream {

    public static final int HEADER_LENGTH = 8;

    private MultiplexedStream() {}

    /** The header of a frame carrying {@code length} payload bytes. */
    public static byte[] header(StreamType stream, int length) {
        var header = new byte[HEADER_LENGTH];
        writeHeader(header, stream, length);
        return header;
    }

    /** Header plus payload in one array, so that a single write puts a whole frame on the wire. */
    public static byte[] encode(StreamType stream, byte[] payload, int offset, int length) {
        var frame = new byte[HEADER_LENGTH + length];
        writeHeader(frame, stream, length);
        System.arraycopy(payload, offset, frame, HEADER_LENGTH, length);
        return frame;
    }

    public static byte[] encode(StreamType stream, byte[] payload) {
        return encode(stream, payload, 0, payload.length);
    }

    /**
     * Writes one frame atomically with respect to other callers of this method on the same stream,
     * because stdout and stderr are usually pumped by different threads into one socket.
     */
    public static void writeFrame(OutputStream out, StreamType stream, byte[] payload, int offset, int length)
            throws IOException {
        if (length == 0) {
            return; // an empty frame would look like nothing to readers but costs a write
        }
        var frame = encode(stream, payload, offset, length);
        synchronized (out) {
            out.write(frame);
            out.flush();
        }
    }

    /** An OutputStream whose every write becomes one frame of {@code stream} on {@code out}. */
    public static OutputStream framing(OutputStream out, StreamType stream) {
        return new FramingOutputStream(out, stream);
    }

    /** A decoder reading frames from {@code in}. */
    public static FrameDecoder decoder(InputStream in) {
        return new FrameDecoder(in);
    }

    /**
     * Copies frames from {@code in} until EOF, stdout payloads to {@code stdout} and stderr and
     * systemerr payloads to {@code stderr}; stdin frames (never sent by Docker) are dropped.
     */
    public static void demultiplex(InputStream in, OutputStream stdout, OutputStream stderr) throws IOException {
        var decoder = decoder(in);
        for (Frame frame; (frame = decoder.next()) != null; ) {
            OutputStream target = switch (frame.stream()) {
                case STDOUT -> stdout;
                case STDERR, SYSTEMERR -> stderr;
                case STDIN -> null;
            };
            if (target != null) {
                target.write(frame.payload());
                target.flush();
            }
        }
    }

    private static void writeHeader(byte[] buffer, StreamType stream, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative frame length " + length);
        }
        buffer[0] = (byte) stream.code();
        buffer[1] = 0;
        buffer[2] = 0;
        buffer[3] = 0;
        buffer[4] = (byte) (length >>> 24);
        buffer[5] = (byte) (length >>> 16);
        buffer[6] = (byte) (length >>> 8);
        buffer[7] = (byte) length;
    }
}
