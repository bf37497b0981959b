package dev.wharf.runtime.conmon;

import dev.wharf.runtime.OciRuntimeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * What {@code runc start} does, without a runc process (its Go start-up is most of a start's cost and
 * latency after {@code runc create}): a created container's init waits in a write-only open of the
 * {@code exec.fifo} in runc's state directory; a reader's open releases it, it writes one byte and
 * execs the container's process. Removing the FIFO is what makes runc report the container as running.
 * Like runc, a reader blocked on an init that died is noticed by a liveness check, not a timeout.
 */
final class ExecFifo {
    static final String NAME = "exec.fifo";
    private static final long LIVENESS_CHECK_MILLIS = 50;
    private static final long READER_STACK_BYTES = 256 * 1024;

    private ExecFifo() {}

    /** Releases the init waiting on {@code fifo}; {@code initAlive} turns false once it has exited. */
    static void release(Path fifo, BooleanSupplier initAlive) throws IOException {
        if (!Files.exists(fifo)) {
            throw new OciRuntimeException("cannot start a container that has already been started or has stopped");
        }
        var read = new CompletableFuture<Integer>();
        // A platform thread: the open blocks in the kernel until the init opens its end, pinning a carrier.
        Thread.ofPlatform().daemon().name("exec-fifo").stackSize(READER_STACK_BYTES).start(() -> {
            try (var channel = FileChannel.open(fifo, StandardOpenOption.READ)) {
                read.complete(channel.read(ByteBuffer.allocate(1)));
            } catch (IOException | RuntimeException e) {
                read.completeExceptionally(e);
            }
        });
        try {
            while (true) {
                try {
                    if (read.get(LIVENESS_CHECK_MILLIS, TimeUnit.MILLISECONDS) <= 0) {
                        throw new OciRuntimeException("container process is already dead");
                    }
                    Files.delete(fifo);
                    return;
                } catch (TimeoutException e) {
                    if (!initAlive.getAsBoolean()) {
                        unblock(fifo);
                    }
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                throw new OciRuntimeException("container process is already dead");
            }
            throw new IOException("cannot release the container's init", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unblock(fifo);
            throw new IOException("interrupted while starting the container", e);
        }
    }

    /** A read-write open never blocks on a FIFO; it ends the reader's open, and its close gives the read EOF. */
    private static void unblock(Path fifo) throws IOException {
        try (var ignored = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // opened and closed
        } catch (NoSuchFileException e) {
            // gone already: the reader has finished
        }
    }
}
