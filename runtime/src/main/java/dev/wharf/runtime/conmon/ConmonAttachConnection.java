package dev.wharf.runtime.conmon;

import dev.wharf.linux.SeqPacketSocket;
import dev.wharf.runtime.AttachConnection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

/** A client of conmon's attach socket: each message is one stream byte (2 stdout, 3 stderr) and up to 8192 data bytes. */
final class ConmonAttachConnection implements AttachConnection {
    private static final int BUFFER_SIZE = 8193;
    private static final byte STDOUT = 2;
    private static final byte STDERR = 3;
    private static final int MAX_STDIN_MESSAGE = 32 * 1024;

    private final SeqPacketSocket socket;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);

    private ConmonAttachConnection(SeqPacketSocket socket) {
        this.socket = socket;
    }

    static ConmonAttachConnection connect(Path attachSocket) throws IOException {
        return new ConmonAttachConnection(SeqPacketSocket.connect(attachSocket));
    }

    @Override
    public synchronized OutputChunk read() throws IOException {
        while (true) {
            buffer.clear();
            int length = socket.receive(buffer);
            if (length < 0) {
                return null;
            }
            if (length < 1) {
                continue;
            }
            byte[] data = Arrays.copyOfRange(buffer.array(), 1, length);
            switch (buffer.get(0)) {
                case STDOUT -> {
                    return new OutputChunk(Stream.STDOUT, data);
                }
                case STDERR -> {
                    return new OutputChunk(Stream.STDERR, data);
                }
                default -> {
                    // conmon sends no other kind; skip rather than misattribute
                }
            }
        }
    }

    @Override
    public void writeStdin(byte[] data, int offset, int length) throws IOException {
        // conmon reads at most 32 KiB per message; a larger one would be cut.
        for (int sent = 0; sent < length; sent += MAX_STDIN_MESSAGE) {
            socket.send(data, offset + sent, Math.min(MAX_STDIN_MESSAGE, length - sent));
        }
    }

    @Override
    public void closeStdin() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public void close() {
        socket.close();
    }
}
