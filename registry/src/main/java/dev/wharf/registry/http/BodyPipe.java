package dev.wharf.registry.http;

import dev.wharf.registry.errors.ErrorCode;
import dev.wharf.registry.errors.RegistryException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A request body flowing from the event loop to the request's virtual thread. At most a few MiB are
 * queued: above the high-water mark the channel stops reading from the socket (TCP back-pressure on the
 * client) until the consumer drains below the low-water mark, so a 1 GiB PATCH never sits in the heap.
 */
final class BodyPipe implements ReadableByteChannel {
    private static final int HIGH_WATER = 4 << 20;
    private static final int LOW_WATER = 1 << 20;

    private final Channel channel;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private final ArrayDeque<ByteBuf> queue = new ArrayDeque<>();
    private long queued;
    private long received;
    private boolean finished;
    private boolean discarding;
    private boolean paused;
    private IOException failure;

    BodyPipe(Channel channel) {
        this.channel = channel;
    }

    /** Event loop: queues a retained slice of the content. */
    void offer(ByteBuf data) {
        lock.lock();
        try {
            received += data.readableBytes();
            if (discarding || !data.isReadable()) {
                return;
            }
            queue.add(data.retainedSlice());
            queued += data.readableBytes();
            if (queued > HIGH_WATER && !paused) {
                paused = true;
                channel.config().setAutoRead(false);
            }
            readable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void finish() {
        lock.lock();
        try {
            finished = true;
            readable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The client went away before sending the whole body. */
    void fail(IOException cause) {
        lock.lock();
        try {
            if (!finished) {
                failure = cause;
            }
            readable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean isFinished() {
        lock.lock();
        try {
            return finished;
        } finally {
            lock.unlock();
        }
    }

    /** Bytes of body seen so far, consumed or not. */
    long received() {
        lock.lock();
        try {
            return received;
        } finally {
            lock.unlock();
        }
    }

    /** The handler is done: what is queued or still arrives is dropped (but counted). */
    void discard() {
        lock.lock();
        try {
            discarding = true;
            ByteBuf buf;
            while ((buf = queue.poll()) != null) {
                buf.release();
            }
            queued = 0;
            resume();
            readable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (discarding || finished) {
                    return -1;
                }
                if (failure != null) {
                    throw failure;
                }
                readable.awaitUninterruptibly();
            }
            int n = 0;
            while (target.hasRemaining() && !queue.isEmpty()) {
                ByteBuf head = queue.peek();
                int chunk = Math.min(target.remaining(), head.readableBytes());
                int limit = target.limit();
                target.limit(target.position() + chunk);
                head.readBytes(target);
                target.limit(limit);
                n += chunk;
                if (!head.isReadable()) {
                    queue.poll().release();
                }
            }
            queued -= n;
            if (queued < LOW_WATER) {
                resume();
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    /** The whole body as bytes, refusing more than {@code limit} (for manifests and other small bodies). */
    byte[] readAll(int limit) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.min(limit, 64 << 10) + 1);
        while (read(buffer) >= 0) {
            if (buffer.position() > limit) {
                throw new RegistryException(ErrorCode.TOO_LARGE, "body exceeds the limit of " + limit + " bytes");
            }
            if (!buffer.hasRemaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.min(buffer.capacity() * 2, limit + 1));
                buffer.flip();
                bigger.put(buffer);
                buffer = bigger;
            }
        }
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        return bytes;
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void close() {
        discard();
    }

    private void resume() {
        if (paused) {
            paused = false;
            channel.config().setAutoRead(true);
        }
    }
}
