package dev.wharf.registry.http;

import dev.wharf.netty.InboundPipe;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;

/**
 * One client connection: requests are served one after another (keep-alive, pipelining), each on its own
 * virtual thread; its body streams through an {@link InboundPipe} with back-pressure.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    /** Queued body bytes above which the socket is no longer read: a few file writes' worth. */
    private static final long BODY_HIGH_WATER = 4 << 20;

    private final RequestHandler handler;
    private final boolean secure;
    private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
    private final ArrayDeque<InboundPipe> bodies = new ArrayDeque<>();
    private Channel channel;
    private InboundPipe receiving;
    private boolean serving;

    ConnectionHandler(RequestHandler handler, boolean secure) {
        this.handler = handler;
        this.secure = secure;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        channel = ctx.channel();
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest request) {
                if (request.decoderResult().isFailure()) {
                    ctx.close(); // not HTTP: nothing sensible to answer
                    return;
                }
                InboundPipe body = new InboundPipe(channel, BODY_HIGH_WATER);
                if (!HttpUtil.isTransferEncodingChunked(request) && HttpUtil.getContentLength(request, 0L) == 0) {
                    body.finish(); // no body: the handler need not wait for the codec's empty last content
                }
                receiving = body;
                bodies.add(body);
                waiting.add(new Exchange(channel, request, body, secure));
                startNext();
            }
            if (msg instanceof HttpContent content && receiving != null) {
                receiving.offer(content.content());
                if (msg instanceof LastHttpContent) {
                    receiving.finish();
                    receiving = null;
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (!bodies.isEmpty()) {
            ClientGoneException closed = new ClientGoneException("client closed the connection mid-request");
            bodies.forEach(body -> body.fail(closed));
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private void startNext() {
        if (serving || waiting.isEmpty()) {
            return;
        }
        serving = true;
        Exchange next = waiting.poll();
        Thread.ofVirtual().name("registry-request").start(() -> {
            handler.serve(next);
            done(next);
        });
    }

    /** From the request's thread: the response is out, the next request may be served. */
    private void done(Exchange exchange) {
        try {
            channel.eventLoop().execute(() -> {
                InboundPipe body = bodies.poll();
                if (body != null) {
                    body.discard();
                }
                serving = false;
                if (exchange.keepAlive()) {
                    startNext();
                } else {
                    channel.close();
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            // the server is stopping; the connection goes with it
        }
    }
}
