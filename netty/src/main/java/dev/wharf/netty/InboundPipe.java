package dev.wharf.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bytes arriving on a channel's event loop (a request body, stdin of a hijacked connection), read by the
 * handler's virtual thread as a stream or a channel. Bounded: above the high-water mark the channel stops
 * reading from the socket (TCP back-pressure on the sender) until the reader drains it below a quarter of
 * that, so a 1 GiB upload never sits in the heap.
 */
public final class InboundPipe extends InputStream implements ReadableByteChannel {
    private final Channel channel;
    private final long highWater;
    private final long lowWater;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private final ArrayDeque<ByteBuf> queue = new ArrayDeque<>();
    private long queued;
    private long received;
    private boolean finished;
    private boolean discarding;
    private boolean paused;
    private IOException failure;

    public InboundPipe(Channel channel, long highWater) {
        this.channel = channel;
        this.highWater = highWater;
        this.lowWater = highWater / 4;
    }

    /** Event loop: queues a retained slice of the buffer (counted, but dropped once nobody reads). */
    public void offer(ByteBuf data) {
        if (!data.isReadable()) {
            return;
        }
        lock.lock();
        try {
            received += data.readableBytes();
            if (discarding || finished || failure != null) {
                return;
            }
            queue.add(data.retainedSlice());
            queued += data.readableBytes();
            if (queued > highWater && !paused) {
                paused = true;
                channel.config().setAutoRead(false);
            }
            readable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The sender finished: reads return -1 once the queue is empty. */
    public void finish() {
        lock.lock();
        try {
            finished = true;
            readable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The connection ended before the sender finished. */
    public void fail(IOException cause) {
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

    /** Nobody will read any more (the response is done): drop what is queued and what still arrives. */
    public void discard() {
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

    public boolean isFinished() {
        lock.lock();
        try {
            return finished;
        } finally {
            lock.unlock();
        }
    }

    /** Bytes seen so far, read or not. */
    public long received() {
        lock.lock();
        try {
            return received;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        return length == 0 ? 0 : read(ByteBuffer.wrap(target, offset, length));
    }

    /** Fills {@code target} with what is queued, waiting only while nothing is. */
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
            if (queued < lowWater) {
                resume();
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int available() {
        lock.lock();
        try {
            return (int) Math.min(Integer.MAX_VALUE, queued);
        } finally {
            lock.unlock();
        }
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
