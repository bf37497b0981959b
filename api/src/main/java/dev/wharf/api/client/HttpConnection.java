package dev.wharf.api.client;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One HTTP/1.1 exchange on its own socket: write the request, parse the response head. */
final class HttpConnection implements Closeable {

    private static final String HOST_HEADER = "api.moby.localhost"; // what the docker CLI sends; never validated

    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;

    private HttpConnection(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedInputStream(ChannelStreams.input(channel), 64 * 1024);
        this.out = new BufferedOutputStream(ChannelStreams.output(channel), 16 * 1024);
    }

    static HttpConnection open(EngineHost host) throws IOException {
        return new HttpConnection(host.connect());
    }

    /** Sends {@code request} and returns once the response head has arrived. */
    HttpResponse exchange(HttpRequest request, String userAgent) throws IOException {
        try {
            send(request, userAgent);
            return readResponseHead(request.method());
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    void send(HttpRequest request, String userAgent) throws IOException {
        var head = new StringBuilder(256)
                .append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(HOST_HEADER).append("\r\n")
                .append("User-Agent: ").append(userAgent).append("\r\n");
        boolean upgrade = request.headers().keySet().stream().anyMatch(k -> k.equalsIgnoreCase("Upgrade"));
        if (!upgrade) {
            head.append("Connection: close\r\n");
        }
        request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        switch (request.body()) {
            case RequestBody.Empty _ -> {
                if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
                    head.append("Content-Length: 0\r\n");
                }
            }
            case RequestBody.Bytes bytes -> head.append("Content-Type: ").append(bytes.contentType()).append("\r\n")
                    .append("Content-Length: ").append(bytes.content().length).append("\r\n");
            case RequestBody.Streamed streamed -> head.append("Content-Type: ").append(streamed.contentType()).append("\r\n")
                    .append("Transfer-Encoding: chunked\r\n");
            case RequestBody.Written written -> head.append("Content-Type: ").append(written.contentType()).append("\r\n")
                    .append("Transfer-Encoding: chunked\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        switch (request.body()) {
            case RequestBody.Empty _ -> {}
            case RequestBody.Bytes bytes -> out.write(bytes.content());
            case RequestBody.Streamed streamed -> {
                var chunked = new ChunkedOutputStream(out);
                streamed.content().transferTo(chunked);
                chunked.finish();
            }
            case RequestBody.Written written -> {
                var chunked = new ChunkedOutputStream(out);
                // Whole chunks of 64 KiB, however small the writer's writes (a tar's 512-byte headers).
                var buffered = new BufferedOutputStream(chunked, 1 << 16);
                written.writer().writeTo(buffered);
                buffered.flush();
                chunked.finish();
            }
        }
        out.flush();
    }

    HttpResponse readResponseHead(String method) throws IOException {
        String statusLine;
        int status;
        do {
            statusLine = HttpLines.readLine(in);
            if (statusLine == null) {
                throw new EOFException("daemon closed the connection without a response");
            }
            status = parseStatus(statusLine);
            var headers = readHeaders();
            if (status == 100) {
                continue; // interim response; the real one follows
            }
            String reason = statusLine.length() > 13 ? statusLine.substring(13) : "";
            return new HttpResponse(this, status, reason, headers, bodyStream(method, status, headers));
        } while (true);
    }

    private static int parseStatus(String statusLine) throws IOException {
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("malformed HTTP status line: " + statusLine);
        }
        try {
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("malformed HTTP status line: " + statusLine);
        }
    }

    private HttpHeaders readHeaders() throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line; (line = HttpLines.readLine(in)) != null && !line.isEmpty(); ) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed HTTP header: " + line);
            }
            headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), _ -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
        return new HttpHeaders(headers);
    }

    private InputStream bodyStream(String method, int status, HttpHeaders headers) throws IOException {
        if (method.equals("HEAD") || status == 204 || status == 304 || status == 101) {
            return InputStream.nullInputStream();
        }
        if (headers.contains("Transfer-Encoding", "chunked")) {
            return new ChunkedInputStream(in);
        }
        var length = headers.first("Content-Length");
        if (length.isPresent()) {
            try {
                return new FixedLengthInputStream(in, Long.parseLong(length.get()));
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length: " + length.get());
            }
        }
        return in; // until the daemon closes: logs, raw-stream 200 hijacks
    }

    InputStream input() {
        return in;
    }

    OutputStream output() {
        return out;
    }

    void shutdownOutput() throws IOException {
        out.flush();
        channel.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
