package dev.wharf.runtime.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A container log in conmon's k8s-file format. Only complete lines are read: a line conmon is still
 * writing is picked up once its newline arrives.
 *
 * <p>Limits: following polls (every {@link #POLL}); a rotation by conmon (file replaced or
 * truncated) restarts at the new file's beginning.
 */
public final class K8sFileLog {
    static final Duration POLL = Duration.ofMillis(100);

    private final Path file;

    public K8sFileLog(Path file) {
        this.file = file;
    }

    /** Every record in the file now; a missing file is an empty log. */
    public List<LogRecord> readAll() throws IOException {
        List<LogRecord> records = new ArrayList<>();
        var parser = new K8sLineParser(records::add);
        try (var reader = new Reader(parser)) {
            reader.readAvailable();
        }
        parser.flush();
        return records;
    }

    /**
     * Delivers the existing records, then new ones as they are written, until {@code stop} says so
     * (checked between polls; what was written before it returned true is still delivered).
     * Blocks the calling thread: run it on a virtual thread.
     */
    public void follow(Consumer<LogRecord> sink, BooleanSupplier stop) throws IOException, InterruptedException {
        var parser = new K8sLineParser(sink);
        try (var reader = new Reader(parser)) {
            while (true) {
                boolean last = stop.getAsBoolean();
                reader.readAvailable();
                if (last) {
                    break;
                }
                Thread.sleep(POLL);
            }
        }
        parser.flush();
    }

    /** Reads the file incrementally, keeping an unterminated tail for the next round. */
    private final class Reader implements AutoCloseable {
        private final K8sLineParser parser;
        private FileChannel channel;
        private Object fileKey;
        private byte[] tail = new byte[0];

        Reader(K8sLineParser parser) {
            this.parser = parser;
        }

        void readAvailable() throws IOException {
            reopenIfReplaced();
            if (channel == null) {
                return;
            }
            drain();
        }

        private void drain() throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            while (channel.read(buffer) > 0) {
                consume(buffer.array(), buffer.position());
                buffer.clear();
            }
        }

        private void consume(byte[] chunk, int length) {
            byte[] bytes = tail.length == 0 ? Arrays.copyOf(chunk, length) : concat(tail, chunk, length);
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    parser.line(bytes, start, i);
                    start = i + 1;
                }
            }
            tail = Arrays.copyOfRange(bytes, start, bytes.length);
        }

        private void reopenIfReplaced() throws IOException {
            Object key;
            try {
                key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            } catch (NoSuchFileException e) {
                return;
            }
            if (channel != null && key.equals(fileKey) && channel.size() >= channel.position()) {
                return;
            }
            if (channel != null && !key.equals(fileKey)) {
                drain(); // renamed away (rotation): what was written to it before still counts
            }
            close();
            try {
                channel = FileChannel.open(file, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                return;
            }
            fileKey = key;
            tail = new byte[0];
        }

        private static byte[] concat(byte[] head, byte[] chunk, int length) {
            byte[] bytes = Arrays.copyOf(head, head.length + length);
            System.arraycopy(chunk, 0, bytes, head.length, length);
            return bytes;
        }

        @Override
        public void close() throws IOException {
            if (channel != null) {
                channel.close();
                channel = null;
            }
        }
    }
}
