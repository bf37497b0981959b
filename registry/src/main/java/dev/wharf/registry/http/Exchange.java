package dev.wharf.registry.http;

import dev.wharf.netty.InboundPipe;
import dev.wharf.registry.errors.ErrorCode;
import dev.wharf.registry.errors.RegistryException;
import dev.wharf.registry.storage.BlobContent;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.stream.ChunkedNioFile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One request and its response, used by a handler on its own virtual thread. Writing blocks until Netty
 * has sent the response, so the handler's return means the response is out.
 */
public final class Exchange {
    private final Channel channel;
    private final HttpRequest request;
    private final QueryStringDecoder uri;
    private final InboundPipe body;
    private final boolean secure;
    private final long started = System.nanoTime();
    private int status;
    private long bytesSent;
    private boolean keepAlive;
    private String user = "-";

    Exchange(Channel channel, HttpRequest request, InboundPipe body, boolean secure) {
        this.channel = channel;
        this.request = request;
        this.uri = new QueryStringDecoder(request.uri());
        this.body = body;
        this.secure = secure;
        this.keepAlive = HttpUtil.isKeepAlive(request);
    }

    public String method() {
        return request.method().name();
    }

    public boolean isHead() {
        return request.method().equals(HttpMethod.HEAD);
    }

    /** The decoded path, without the query. */
    public String path() {
        return uri.path();
    }

    public String rawUri() {
        return request.uri();
    }

    public String query(String name) {
        List<String> values = uri.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public Map<String, List<String>> queries() {
        return uri.parameters();
    }

    public String header(CharSequence name) {
        return request.headers().get(name);
    }

    /** The declared body length, or -1 when it is chunked or absent. */
    public long contentLength() {
        return HttpUtil.getContentLength(request, -1L);
    }

    public ReadableByteChannel body() {
        return body;
    }

    /** The whole body as bytes, refusing more than {@code limit} (for manifests and other small bodies). */
    public byte[] readBody(int limit) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.min(limit, 64 << 10) + 1);
        while (body.read(buffer) >= 0) {
            if (buffer.position() > limit) {
                throw new RegistryException(ErrorCode.TOO_LARGE, "body exceeds the limit of " + limit + " bytes");
            }
            if (!buffer.hasRemaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.min(buffer.capacity() * 2, limit + 1));
                bigger.put(buffer.flip());
                buffer = bigger;
            }
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    public boolean isSecure() {
        return secure;
    }

    /** The host the client addressed, for absolute URLs such as the token realm. */
    public String host() {
        String host = request.headers().get(HttpHeaderNames.HOST);
        if (host != null) {
            return host;
        }
        InetSocketAddress local = (InetSocketAddress) channel.localAddress();
        return local.getHostString() + ":" + local.getPort();
    }

    public String remoteAddress() {
        return channel.remoteAddress() instanceof InetSocketAddress remote ? remote.getAddress().getHostAddress() : "-";
    }

    public void user(String name) {
        this.user = name;
    }

    public String user() {
        return user;
    }

    public int status() {
        return status;
    }

    public long bytesSent() {
        return bytesSent;
    }

    public long bytesReceived() {
        return body.received();
    }

    public long elapsedNanos() {
        return System.nanoTime() - started;
    }

    public boolean responded() {
        return status != 0;
    }

    public static HttpHeaders headers() {
        return new DefaultHttpHeaders();
    }

    /** A complete response; for HEAD the body's length is announced but the body is not sent. */
    public void respond(int code, HttpHeaders headers, byte[] content) throws IOException {
        byte[] payload = content == null ? new byte[0] : content;
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(code), isHead() ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(payload));
        response.headers().set(headers);
        if (!response.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, payload.length);
        }
        prepare(code, response);
        bytesSent = isHead() ? 0 : payload.length;
        await(channel.writeAndFlush(response));
    }

    /**
     * Sends {@code length} bytes of the blob from {@code offset}: with sendfile when the connection is plain
     * TCP (the bytes never enter the JVM), in chunks through TLS. The content is closed once sent.
     */
    public void respondBlob(int code, HttpHeaders headers, BlobContent content, long offset, long length) throws IOException {
        DefaultHttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(code));
        response.headers().set(headers);
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, length);
        prepare(code, response);
        if (isHead() || length == 0) {
            content.close();
            channel.write(response);
            await(channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
            return;
        }
        channel.write(response);
        switch (content) {
            // Netty owns the file from here: the region (or chunked input) closes it when sent or failed.
            case BlobContent.LocalFile file -> channel.write(secure
                    ? new ChunkedNioFile(file.channel(), offset, length, 256 << 10)
                    : new DefaultFileRegion(file.channel(), offset, length));
        }
        await(channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
        bytesSent = length;
    }

    private void prepare(int code, HttpResponse response) {
        status = code;
        response.headers().set("Docker-Distribution-API-Version", "registry/2.0");
        if (!body.isFinished()) {
            keepAlive = false; // the rest of an unread body would be taken for the next request
        }
        HttpUtil.setKeepAlive(response, keepAlive);
    }

    boolean keepAlive() {
        return keepAlive;
    }

    private static void await(ChannelFuture future) throws IOException {
        future.awaitUninterruptibly();
        if (!future.isSuccess()) {
            throw (IOException) new ClientGoneException("client connection lost: " + future.cause()).initCause(future.cause());
        }
    }
}
