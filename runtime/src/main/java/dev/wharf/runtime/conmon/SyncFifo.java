package dev.wharf.runtime.conmon;

import dev.wharf.linux.Syscalls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A conmon report channel (sync or attach pipe) as a FIFO the daemon creates and holds open
 * read-write: that open never blocks, conmon's write-only open of it never blocks either, and each
 * report line is read the moment it is written (no polling). Because the daemon itself is a writer,
 * the FIFO never reports EOF; a monitor that dies silently is noticed by a liveness check instead,
 * and the blocked wait is released by writing a bare newline into the FIFO ourselves. An exec's
 * monitor reports twice (pid, then exit code), so lines are read one after another.
 */
final class SyncFifo implements AutoCloseable {
    /** How often a silent wait checks that conmon is still alive (only failures wait that long). */
    private static final long LIVENESS_CHECK_MILLIS = 50;
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final long READER_STACK_BYTES = 256 * 1024;

    private final FileChannel channel;
    /** A second handle for the releasing newline: a FileChannel's read and write share one lock. */
    private final FileChannel releaser;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private volatile IOException failure;
    private volatile boolean closed;

    private SyncFifo(FileChannel channel, FileChannel releaser) {
        this.channel = channel;
        this.releaser = releaser;
        // A platform thread: a FIFO read blocks its carrier, and a few of those would starve every virtual thread.
        Thread.ofPlatform().daemon().name("conmon-sync").stackSize(READER_STACK_BYTES).start(this::readLines);
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
     * conmon's next one-line report (without the newline); empty when {@code writerAlive} turned false
     * or {@code timeoutMillis} passed before it came.
     */
    String awaitLine(long timeoutMillis, BooleanSupplier writerAlive) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            String line = lines.poll(LIVENESS_CHECK_MILLIS, TimeUnit.MILLISECONDS);
            if (line != null) {
                return line;
            }
            if (failure != null) {
                throw failure;
            }
            if (!writerAlive.getAsBoolean() || System.nanoTime() - deadline > 0) {
                // A report written before the monitor died is ahead of this newline in the FIFO.
                release();
                return lines.take();
            }
        }
    }

    private void readLines() {
        var text = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
        try {
            while (!closed) {
                buffer.clear();
                int read = channel.read(buffer);
                if (read < 0) {
                    break;
                }
                for (int i = 0; i < read; i++) {
                    byte b = buffer.get(i);
                    if (b == '\n') {
                        lines.add(text.toString(StandardCharsets.UTF_8));
                        text.reset();
                    } else {
                        text.write(b);
                    }
                }
            }
        } catch (IOException e) {
            if (!closed) {
                failure = e;
            }
        }
    }

    private void release() throws IOException {
        releaser.write(ByteBuffer.wrap(new byte[] {'\n'}));
    }

    @Override
    public void close() throws IOException {
        closed = true;
        try (channel; releaser) {
            release(); // wakes the reader, which sees that we are closed
        }
    }
}
