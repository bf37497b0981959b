package dev.wharf.engine.http;

import dev.wharf.netty.InboundPipe;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannelConfig;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * One client connection. Requests are served strictly one after another (HTTP/1.1 keep-alive and
 * pipelining): a request that arrives while another is being served waits, its body buffered with
 * back-pressure. Each request runs on its own virtual thread. After a hijack the HTTP codec is removed
 * and the connection carries raw bytes; only then is half-closure enabled, because before that an
 * EOF from the client means it went away.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger(ConnectionHandler.class.getName());
    /** Queued inbound bytes above which the socket is no longer read (an import, a build context, stdin). */
    private static final long PIPE_HIGH_WATER = 1 << 20;

    private final Dispatcher dispatcher;
    private final ObjectMapper json;
    private final CompletableFuture<Void> gone = new CompletableFuture<>();
    private final ArrayDeque<NettyExchange> waiting = new ArrayDeque<>();
    private Channel channel;
    private NettyExchange receiving;
    private boolean serving;
    private InboundPipe raw;

    ConnectionHandler(Dispatcher dispatcher, ObjectMapper json) {
        this.dispatcher = dispatcher;
        this.json = json;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        channel = ctx.channel();
        channel.closeFuture().addListener(f -> gone.complete(null));
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (raw != null) {
                if (msg instanceof ByteBuf bytes) {
                    raw.offer(bytes);
                }
                return;
            }
            if (msg instanceof HttpRequest request) {
                if (request.decoderResult().isFailure()) {
                    rejectMalformed(request);
                    return;
                }
                NettyExchange exchange = new NettyExchange(channel, this, request, new InboundPipe(channel, PIPE_HIGH_WATER), json);
                receiving = exchange;
                waiting.add(exchange);
                startNext();
            }
            if (msg instanceof HttpContent content && receiving != null) {
                receiving.bodyPipe().offer(content.content());
                if (msg instanceof LastHttpContent) {
                    receiving.bodyPipe().finish();
                    receiving = null;
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof ChannelInputShutdownEvent && raw != null) {
            raw.finish(); // the client half-closed: stdin EOF, the connection stays open for output
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        IOException closed = new IOException("unexpected EOF: client connection closed");
        if (receiving != null) {
            receiving.bodyPipe().fail(closed);
        }
        waiting.forEach(exchange -> exchange.bodyPipe().fail(closed));
        waiting.clear();
        if (raw != null) {
            raw.finish();
        }
        gone.complete(null);
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(System.Logger.Level.DEBUG, "connection error: " + cause);
        ctx.close();
    }

    CompletionStage<Void> gone() {
        return gone;
    }

    /** From the request's thread: the response is complete, so the next request may be served. */
    void responseDone(NettyExchange exchange, boolean keepAlive) {
        exchange.bodyPipe().discard();
        try {
            channel.eventLoop().execute(() -> {
                serving = false;
                if (keepAlive) {
                    startNext();
                } else {
                    channel.close();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            // the server is closing; the connection goes with it
        }
    }

    /**
     * From the request's thread: removes the HTTP codec, writes the hijack reply bytes and returns the
     * pipe of everything the client sends from now on.
     */
    InboundPipe switchToRaw(byte[] replyHead) throws IOException {
        CompletableFuture<InboundPipe> switched = new CompletableFuture<>();
        channel.eventLoop().execute(() -> {
            try {
                InboundPipe pipe = new InboundPipe(channel, PIPE_HIGH_WATER);
                raw = pipe; // set first: the codec hands over its buffered bytes as it is removed
                ((DuplexChannelConfig) channel.config()).setAllowHalfClosure(true);
                if (channel.pipeline().get(HttpServerCodec.class) != null) {
                    channel.pipeline().remove(HttpServerCodec.class);
                }
                channel.writeAndFlush(Unpooled.wrappedBuffer(replyHead)).addListener(f -> {
                    if (f.isSuccess()) {
                        switched.complete(pipe);
                    } else {
                        switched.completeExceptionally(f.cause());
                    }
                });
            } catch (RuntimeException e) {
                switched.completeExceptionally(e);
            }
        });
        try {
            return switched.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while hijacking", e);
        } catch (ExecutionException e) {
            throw new IOException("hijack failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void startNext() {
        if (serving || waiting.isEmpty() || raw != null) {
            return;
        }
        serving = true;
        NettyExchange next = waiting.poll();
        Thread.ofVirtual().name("wharf-request").start(() -> dispatcher.serve(next));
    }

    private void rejectMalformed(HttpRequest request) {
        LOG.log(System.Logger.Level.DEBUG, "malformed request: " + request.decoderResult().cause());
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.BAD_REQUEST, Unpooled.copiedBuffer("400 Bad Request", java.nio.charset.StandardCharsets.US_ASCII));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        response.headers().set(HttpHeaderNames.CONNECTION, "close");
        channel.writeAndFlush(response).addListener(f -> channel.close());
        raw = new InboundPipe(channel, PIPE_HIGH_WATER); // ignore anything else on this connection
    }
}
