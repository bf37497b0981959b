package dev.wharf.engine.containers;

import dev.wharf.api.stream.MultiplexedStream;
import dev.wharf.api.stream.StreamType;
import dev.wharf.runtime.AttachConnection.Stream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes container output to a client: one multiplexed frame per chunk (1 stdout, 2 stderr) without a
 * TTY, the raw bytes with one; only the streams the client asked for.
 */
record StreamWriter(OutputStream out, boolean tty, boolean stdout, boolean stderr) {
    void write(Stream stream, byte[] data) throws IOException {
        if (data.length == 0 || !(stream == Stream.STDOUT ? stdout : stderr)) {
            return;
        }
        if (tty) {
            out.write(data);
            out.flush();
        } else {
            MultiplexedStream.writeFrame(out, stream == Stream.STDOUT ? StreamType.STDOUT : StreamType.STDERR, data,
                    0, data.length);
        }
    }

    /** Docker 1.42+ names the multiplexed body for what it is; 1.41 and TTYs say raw-stream. */
    static String contentType(dev.wharf.engine.http.ApiVersion version, boolean tty) {
        return !tty && version.atLeast(1, 42)
                ? "application/vnd.docker.multiplexed-stream"
                : "application/vnd.docker.raw-stream";
    }
}
