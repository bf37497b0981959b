package dev.wharf.api.stream;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Reads multiplexed frames one by one; not thread-safe. */
public final class FrameDecoder {

    private final InputStream in;
    private final byte[] header = new byte[MultiplexedStream.HEADER_LENGTH];

    FrameDecoder(InputStream in) {
        this.in = in;
    }

    /** The next frame, or {@code null} on a clean EOF between frames. */
    public Frame next() throws IOException {
        int read = in.readNBytes(header, 0, header.length);
        if (read == 0) {
            return null;
        }
        if (read < header.length) {
            throw new EOFException("truncated frame header (" + read + " of 8 bytes)");
        }
        var stream = StreamType.ofCode(header[0] & 0xff);
        long length = ((header[4] & 0xffL) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("frame too large: " + length);
        }
        var payload = in.readNBytes((int) length);
        if (payload.length < length) {
            throw new EOFException("truncated frame payload (" + payload.length + " of " + length + " bytes)");
        }
        return new Frame(stream, payload);
    }
}
