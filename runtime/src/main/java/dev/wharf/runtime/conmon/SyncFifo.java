package dev.wharf.runtime.conmon;

import dev.wharf.linux.Syscalls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * conmon's sync channel as a FIFO the daemon creates and holds open read-write: that open never
 * blocks, conmon's write-only open of it never blocks either, and the report is read the moment it
 * is written (no polling). Because the daemon itself is a writer, the FIFO never reports EOF; a
 * monitor that dies silently is noticed by a liveness check instead, and the blocked reader is
 * released by writing a bare newline into the FIFO ourselves.
 */
final class SyncFifo implements AutoCloseable {
    /** How often a silent wait checks that conmon is still alive (only failures wait that long). */
    private static final long LIVENESS_CHECK_MILLIS = 50;
    private static final int BUFFER_SIZE = 64 * 1024;

    private final FileChannel channel;
    /** A second handle for the releasing newline: a FileChannel's read and write share one lock. */
    private final FileChannel releaser;
    private final CompletableFuture<String> line = new CompletableFuture<>();

    private SyncFifo(FileChannel channel, FileChannel releaser) {
        this.channel = channel;
        this.releaser = releaser;
        Thread.ofVirtual().name("conmon-sync").start(this::readLine);
    }

    static SyncFifo create(Path path) throws IOException {
        Syscalls.mkfifo(path, 0600);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            // Does not block: channel is a reader already.
            return new SyncFifo(channel, FileChannel.open(path, StandardOpenOption.WRITE));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * conmon's one-line report (without the newline); empty when {@code writerAlive} turned false
     * or {@code timeoutMillis} passed before it came.
     */
    String awaitLine(long timeoutMillis, BooleanSupplier writerAlive) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try {
            while (true) {
                try {
                    return line.get(LIVENESS_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (!writerAlive.getAsBoolean() || System.nanoTime() > deadline) {
                        // A report written before the monitor died is ahead of this newline in the FIFO.
                        release();
                        return line.get();
                    }
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof UncheckedIOException io ? io.getCause()
                    : new IOException("reading conmon's sync FIFO failed", e.getCause());
        }
    }

    private void readLine() {
        var text = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
        try {
            while (true) {
                buffer.clear();
                int read = channel.read(buffer);
                if (read < 0) {
                    break;
                }
                int newline = indexOfNewline(buffer.array(), read);
                text.write(buffer.array(), 0, newline < 0 ? read : newline);
                if (newline >= 0) {
                    break;
                }
            }
            line.complete(text.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            line.completeExceptionally(new UncheckedIOException(e));
        }
    }

    private void release() throws IOException {
        releaser.write(ByteBuffer.wrap(new byte[] {'\n'}));
    }

    private static int indexOfNewline(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        try (channel; releaser) {
            if (!line.isDone()) {
                release();
            }
        }
    }
}
