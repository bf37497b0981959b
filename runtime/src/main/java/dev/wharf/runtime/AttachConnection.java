package dev.wharf.runtime;

import java.io.Closeable;
import java.io.IOException;

/** One client of conmon's attach socket. Reads block: use a platform thread. */
public interface AttachConnection extends Closeable {
    /** The next output chunk, or null once the container's output has ended. */
    OutputChunk read() throws IOException;

    void writeStdin(byte[] data, int offset, int length) throws IOException;

    /** Signals end of input to the container (it sees EOF on stdin unless StdinOnce is false). */
    void closeStdin() throws IOException;

    @Override
    void close();

    /** Bytes from one of the container's output streams (with a TTY, always STDOUT). */
    record OutputChunk(Stream stream, byte[] data) {}

    enum Stream { STDOUT, STDERR }
}
