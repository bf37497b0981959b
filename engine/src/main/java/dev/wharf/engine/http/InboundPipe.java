package dev.wharf.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bytes arriving on the event loop (a request body, or stdin of a hijacked connection), read by the
 * handler's virtual thread. Bounded: when too much is queued the channel stops reading, and reading
 * resumes once the consumer caught up, so an import or build context is never held in memory whole.
 */
final class InboundPipe extends InputStream {
    private static final int HIGH_WATER = 1 << 20;
    private static final int LOW_WATER = 256 << 10;

    private final Channel channel;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private final ArrayDeque<ByteBuf> queue = new ArrayDeque<>();
    private long queued;
    private boolean finished;
    private boolean discarding;
    private IOException failure;
    private boolean paused;

    InboundPipe(Channel channel) {
        this.channel = channel;
    }

    /** An already finished, empty pipe (requests without a body). */
    static InboundPipe empty(Channel channel) {
        InboundPipe pipe = new InboundPipe(channel);
        pipe.finished = true;
        return pipe;
    }

    /** Event loop: queues a retained slice of the buffer. */
    void offer(ByteBuf data) {
        if (!data.isReadable()) {
            return;
        }
        lock.lock();
        try {
            if (discarding || finished || failure != null) {
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

    /** The sender finished: reads return -1 once the queue is empty. */
    void finish() {
        lock.lock();
        try {
            finished = true;
            readable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The connection ended before the sender finished. */
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

    /** Nobody will read any more (the response is done): drop what is queued and what still arrives. */
    void discard() {
        lock.lock();
        try {
            discarding = true;
            releaseAll();
            resumeIfPaused();
            readable.signalAll();
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
        if (length == 0) {
            return 0;
        }
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
            ByteBuf head = queue.peek();
            int n = Math.min(length, head.readableBytes());
            head.readBytes(target, offset, n);
            if (!head.isReadable()) {
                queue.poll().release();
            }
            queued -= n;
            if (queued < LOW_WATER) {
                resumeIfPaused();
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
    public void close() {
        discard();
    }

    private void resumeIfPaused() {
        if (paused) {
            paused = false;
            channel.config().setAutoRead(true);
        }
    }

    private void releaseAll() {
        ByteBuf buf;
        while ((buf = queue.poll()) != null) {
            buf.release();
        }
        queued = 0;
    }
}
