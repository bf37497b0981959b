package dev.wharf.image.remote;

import dev.wharf.image.BlobWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * A layer's download on two threads: a pump reads the body, hashes it into its blob and passes the same
 * chunks to the unpacker, which decompresses and unpacks them meanwhile. The pump verifies the blob at
 * the end of the body before it hands over the end, so a wrong digest or size fails the unpacker's read
 * before the layer could be committed; the blob is committed by the caller after {@link #run}.
 */
final class LayerPipe implements AutoCloseable {
    /** What reads the layer; it may stop early (the rest is still downloaded and verified). */
    interface Unpack {
        void from(InputStream layer) throws IOException;
    }

    private static final int CHUNK = 256 * 1024;
    private static final int DEPTH = 8;

    /** Bytes, or the end of the body ({@code bytes} null), or the pump's failure. */
    private record Chunk(byte[] bytes, int length, IOException failure) {}

    private final InputStream body;
    private final BlobWriter blob;
    private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(DEPTH);
    private final BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(DEPTH + 2);
    private final CompletableFuture<Void> pumped = new CompletableFuture<>();
    private volatile boolean discarding;

    LayerPipe(InputStream body, BlobWriter blob) {
        this.body = body;
        this.blob = blob;
    }

    /**
     * Downloads the blob, unpacking it through {@code unpack} when that is not null, and returns once both
     * are done. A failed download or a blob that is not the expected one is the failure reported, since
     * it explains an unpack's failure too (Docker verifies a download before it extracts it).
     */
    void run(Unpack unpack) throws IOException {
        discarding = unpack == null;
        // Platform threads: both stages are CPU-bound in native code (libcrypto, zlib), which would pin the
        // few carriers that the HTTP client's own virtual threads need to deliver the body.
        Thread.ofPlatform().daemon().name("layer-download").start(this::pump);
        IOException unpackFailure = null;
        try {
            if (unpack != null) {
                unpackOnPlatformThread(unpack);
            }
        } catch (IOException e) {
            unpackFailure = e;
        } finally {
            discard();
        }
        awaitPump();
        if (unpackFailure != null) {
            throw unpackFailure;
        }
    }

    private void unpackOnPlatformThread(Unpack unpack) throws IOException {
        FutureTask<Void> task = new FutureTask<>(() -> {
            unpack.from(new ChunkStream());
            return null;
        });
        Thread.ofPlatform().daemon().name("layer-unpack").start(task);
        await(task);
    }

    private void pump() {
        Chunk last;
        try {
            copyBody();
            blob.verify();
            pumped.complete(null);
            last = new Chunk(null, 0, null);
        } catch (IOException e) {
            pumped.completeExceptionally(e);
            last = new Chunk(null, 0, e);
        } catch (RuntimeException e) { // a progress write to a client that went away, say
            pumped.completeExceptionally(e);
            last = new Chunk(null, 0, new IOException(e));
        } catch (InterruptedException e) {
            last = new Chunk(null, 0, new InterruptedIOException("layer download interrupted"));
            pumped.completeExceptionally(last.failure());
        }
        try {
            hand(last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // nobody interrupts the pump
        }
    }

    private void copyBody() throws IOException, InterruptedException {
        while (true) {
            byte[] bytes = spare.poll();
            bytes = bytes != null ? bytes : new byte[CHUNK];
            int n = body.readNBytes(bytes, 0, CHUNK);
            if (n == 0) {
                return;
            }
            blob.write(bytes, 0, n);
            hand(new Chunk(bytes, n, null));
        }
    }

    private void hand(Chunk chunk) throws InterruptedException {
        if (!discarding) {
            filled.put(chunk);
        } else if (chunk.bytes() != null) {
            spare.offer(chunk.bytes());
        }
    }

    /** From now on the pump only stores and verifies; what it queued is dropped so it never blocks. */
    private void discard() {
        discarding = true;
        filled.clear();
    }

    private void awaitPump() throws IOException {
        await(pumped);
    }

    private static void await(Future<Void> stage) throws IOException {
        try {
            stage.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while downloading a layer");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException unchecked -> throw unchecked;
                case Error error -> throw error;
                default -> throw new IOException(e.getCause());
            }
        }
    }

    /** Only reached with the pump still running after a failure: closing the body ends it. */
    @Override
    public void close() throws IOException {
        discard();
        if (!pumped.isDone()) {
            body.close();
        }
    }

    /** The unpacker's side: the pump's chunks in order, the end only after the blob was verified. */
    private final class ChunkStream extends InputStream {
        private Chunk current;
        private int position;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (current == null || (current.bytes() != null && position == current.length())) {
                next();
            }
            if (current.failure() != null) {
                throw current.failure();
            }
            if (current.bytes() == null) {
                return -1;
            }
            int n = Math.min(length, current.length() - position);
            System.arraycopy(current.bytes(), position, target, offset, n);
            position += n;
            return n;
        }

        private void next() throws IOException {
            if (current != null) {
                spare.offer(current.bytes());
            }
            try {
                current = filled.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while unpacking a layer");
            }
            position = 0;
        }
    }
}
