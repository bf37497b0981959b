package dev.wharf.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Function;

/**
 * An OutputStream onto the channel for a virtual thread: every write is flushed at once (events, logs,
 * attach output must reach the client as produced). The writer waits while the channel is not writable,
 * which is the back-pressure against a slow client, and fails once the client has gone.
 */
final class ChannelOutput extends OutputStream {
    private final Channel channel;
    private final Function<ByteBuf, Object> wrap;
    private final Runnable onClose;
    private ChannelFuture last;
    private boolean closed;

    /**
     * @param wrap turns the bytes into the message to write (an HttpContent chunk, or the bytes themselves)
     * @param onClose ends the response or the connection
     */
    ChannelOutput(Channel channel, Function<ByteBuf, Object> wrap, Runnable onClose) {
        this.channel = channel;
        this.wrap = wrap;
        this.onClose = onClose;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] data, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        checkPrevious();
        if (length == 0) {
            return;
        }
        last = channel.writeAndFlush(wrap.apply(Unpooled.copiedBuffer(data, offset, length)));
        if (!channel.isWritable()) {
            last.awaitUninterruptibly();
            checkPrevious();
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        checkPrevious();
    }

    /** Waits until everything written is on the wire (or failed). */
    synchronized void drain() {
        if (last != null) {
            last.awaitUninterruptibly();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        onClose.run();
    }

    private void checkPrevious() throws IOException {
        if (last != null && last.isDone() && !last.isSuccess()) {
            throw new IOException("client connection closed", last.cause());
        }
        if (!channel.isActive()) {
            throw new IOException("client connection closed");
        }
    }
}
