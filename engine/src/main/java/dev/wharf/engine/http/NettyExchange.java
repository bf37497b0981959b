package dev.wharf.engine.http;

import dev.wharf.netty.InboundPipe;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.errors.SystemException;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link Exchange} over a Netty channel; all its methods run on the request's virtual thread. */
final class NettyExchange implements Exchange {
    private static final Pattern VERSION_PREFIX = Pattern.compile("/v([0-9]+\\.[0-9]+)(/.*)");
    private static final int MAX_JSON_BODY = 32 << 20;
    private static final byte[] NEWLINE = {'\n'};

    enum State { NEW, STREAMING, HIJACKED, DONE }

    private final Channel channel;
    private final ConnectionHandler connection;
    private final HttpRequest request;
    private final InboundPipe body;
    private final ObjectMapper json;
    private final String path;
    private final String versionText;
    private final QueryStringDecoder query;
    private final boolean keepAlive;
    private final HttpHeaders extraHeaders = new io.netty.handler.codec.http.DefaultHttpHeaders();
    private Map<String, String> params = Map.of();
    private volatile State state = State.NEW;
    private volatile int status;
    private ChannelOutput stream;
    private Hijacked hijacked;

    NettyExchange(Channel channel, ConnectionHandler connection, HttpRequest request, InboundPipe body,
            ObjectMapper json) {
        this.channel = channel;
        this.connection = connection;
        this.request = request;
        this.body = body;
        this.json = json;
        this.query = new QueryStringDecoder(request.uri());
        this.keepAlive = HttpUtil.isKeepAlive(request);
        String decodedPath = PathDecoder.decode(query.rawPath());
        Matcher versioned = VERSION_PREFIX.matcher(decodedPath);
        if (versioned.matches()) {
            this.versionText = versioned.group(1);
            this.path = versioned.group(2);
        } else {
            this.versionText = null;
            this.path = decodedPath;
        }
    }

    void bind(Map<String, String> pathParams) {
        this.params = pathParams;
    }

    /** The version from the path prefix as the client wrote it, or null when unversioned. */
    String requestedVersionText() {
        return versionText;
    }

    InboundPipe bodyPipe() {
        return body;
    }

    State state() {
        return state;
    }

    int status() {
        return status;
    }

    String uri() {
        return request.uri();
    }

    @Override
    public String method() {
        return request.method().name();
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public ApiVersion apiVersion() {
        return versionText == null ? ApiVersion.MAX : ApiVersion.parse(versionText);
    }

    @Override
    public String pathParam(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route has no path parameter " + name);
        }
        return value;
    }

    @Override
    public Optional<String> query(String name) {
        List<String> values = query.parameters().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    @Override
    public List<String> queryAll(String name) {
        return query.parameters().getOrDefault(name, List.of());
    }

    /** Docker's BoolValue: present and not one of "", 0, no, false, none. */
    @Override
    public boolean queryFlag(String name, boolean fallback) {
        return query(name)
                .map(v -> v.trim().toLowerCase(Locale.ROOT))
                .map(v -> !(v.isEmpty() || v.equals("0") || v.equals("no") || v.equals("false") || v.equals("none")))
                .orElse(fallback);
    }

    @Override
    public String header(String name) {
        return request.headers().get(name);
    }

    @Override
    public InputStream body() {
        return body;
    }

    @Override
    public <T> T bodyJson(Class<T> type) throws IOException {
        String contentType = header("Content-Type");
        // Docker insists on JSON; a missing Content-Type is tolerated (curl without -H, empty bodies).
        if (contentType != null && !contentType.isBlank() && !isJson(contentType)) {
            throw new InvalidArgumentException(
                    "Content-Type specified (" + contentType + ") must be 'application/json'");
        }
        byte[] bytes = readLimited(body, MAX_JSON_BODY);
        if (bytes.length == 0 || new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        try {
            return json.readValue(bytes, type);
        } catch (JsonEOFException | MismatchedInputException e) {
            if (e instanceof JsonEOFException || e.getMessage().startsWith("No content")) {
                throw new SystemException("unexpected EOF", e);
            }
            throw new InvalidArgumentException(e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new SystemException(e.getOriginalMessage(), e);
        }
    }

    @Override
    public Exchange responseHeader(String name, String value) {
        extraHeaders.add(name, value);
        return this;
    }

    @Override
    public void respondJson(int status, Object value) throws IOException {
        byte[] bytes = json.writeValueAsBytes(value);
        byte[] withNewline = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, withNewline, 0, bytes.length);
        withNewline[bytes.length] = '\n';
        respondFull(status, "application/json", withNewline);
    }

    @Override
    public void respondEmpty(int status) throws IOException {
        respondFull(status, null, new byte[0]);
    }

    @Override
    public void respondText(int status, String contentType, String text) throws IOException {
        respondFull(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public OutputStream respondStream(int status, String contentType) throws IOException {
        claim(State.STREAMING);
        this.status = status;
        DefaultHttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
        StandardHeaders.apply(response.headers());
        response.headers().add(extraHeaders);
        if (contentType != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        HttpUtil.setTransferEncodingChunked(response, true);
        closeAfterIfNeeded(response.headers());
        awaitWrite(channel.writeAndFlush(response));
        stream = new ChannelOutput(channel, DefaultHttpContent::new, this::endStream);
        return stream;
    }

    @Override
    public Hijacked hijack(String contentType) throws IOException {
        claim(State.HIJACKED);
        boolean upgrade = header("Upgrade") != null;
        this.status = upgrade ? 101 : 200;
        String head = upgrade
                ? "HTTP/1.1 101 UPGRADED\r\nContent-Type: " + contentType + "\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n"
                : "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\n\r\n";
        InboundPipe in = connection.switchToRaw(head.getBytes(StandardCharsets.US_ASCII));
        ChannelOutput out = new ChannelOutput(channel, buf -> buf, () -> { });
        hijacked = new Hijacked() {
            @Override
            public InputStream in() {
                return in;
            }

            @Override
            public OutputStream out() {
                return out;
            }

            @Override
            public void close() {
                out.close();
                out.drain();
                in.discard();
                channel.close().awaitUninterruptibly();
            }
        };
        return hijacked;
    }

    @Override
    public CompletionStage<Void> clientGone() {
        return connection.gone();
    }

    /** After the handler returned: whatever it left open ends here, so the connection moves on. */
    void finishAfterHandler() throws IOException {
        switch (state) {
            case NEW -> {
                System.getLogger(NettyExchange.class.getName()).log(System.Logger.Level.WARNING,
                        "handler for " + method() + " " + path + " returned without a response");
                respondJson(500, Map.of("message", "the daemon produced no response"));
            }
            case STREAMING -> stream.close();
            case HIJACKED -> hijacked.close();
            case DONE -> { }
        }
    }

    /** Gives up on a response that already started (an error mid-stream): the client sees the connection end. */
    void abort() {
        state = State.DONE;
        body.discard();
        channel.close().awaitUninterruptibly();
    }

    private void respondFull(int status, String contentType, byte[] content) throws IOException {
        claim(State.DONE);
        this.status = status;
        // A HEAD reply (a failed HEAD /containers/{id}/archive, say) announces its length but sends no body.
        byte[] body = method().equals("HEAD") ? new byte[0] : content;
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
        HttpHeaders headers = response.headers();
        StandardHeaders.apply(headers);
        headers.add(extraHeaders);
        if (contentType != null) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        if (status != 204 && status != 304 && status >= 200) {
            headers.setInt(HttpHeaderNames.CONTENT_LENGTH, content.length);
        }
        closeAfterIfNeeded(headers);
        awaitWrite(channel.writeAndFlush(response));
        connection.responseDone(this, keepAlive);
    }

    private void endStream() {
        state = State.DONE;
        channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).awaitUninterruptibly();
        connection.responseDone(this, keepAlive);
    }

    private void closeAfterIfNeeded(HttpHeaders headers) {
        if (!keepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
    }

    private synchronized void claim(State next) {
        if (state != State.NEW) {
            throw new IllegalStateException("response already " + state.name().toLowerCase(Locale.ROOT));
        }
        state = next;
    }

    private static void awaitWrite(io.netty.channel.ChannelFuture future) throws IOException {
        future.awaitUninterruptibly();
        if (!future.isSuccess()) {
            throw new IOException("client connection closed", future.cause());
        }
    }

    private static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json");
    }

    private static byte[] readLimited(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            if (out.size() > limit) {
                throw new InvalidArgumentException("request body too large");
            }
        }
        return out.toByteArray();
    }
}
