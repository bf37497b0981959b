package dev.wharf.api.client;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A scripted HTTP/1.1 server on a temporary Unix socket, one handler call per connection. */
final class FakeEngine implements AutoCloseable {

    record Request(String method, String target, Map<String, String> headers, byte[] body) {}

    interface Handler {
        void handle(Request request, SocketChannel channel, InputStream in, OutputStream out) throws IOException;
    }

    private final Path dir;
    private final ServerSocketChannel server;
    final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeEngine(Handler handler) throws IOException {
        dir = Files.createTempDirectory("wharf-fake");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(dir.resolve("engine.sock")));
        Thread.ofVirtual().start(() -> {
            while (server.isOpen()) {
                try {
                    var channel = server.accept();
                    Thread.ofVirtual().start(() -> serve(channel, handler));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    EngineClient client() {
        return new EngineClient(new EngineHost.UnixSocket(dir.resolve("engine.sock")));
    }

    private void serve(SocketChannel channel, Handler handler) {
        try (channel) {
            var in = new BufferedInputStream(ChannelStreams.input(channel));
            var out = ChannelStreams.output(channel);
            var request = readRequest(in);
            requests.add(request);
            handler.handle(request, channel, in, out);
        } catch (IOException ignored) {
            // client went away
        }
    }

    private static Request readRequest(InputStream in) throws IOException {
        String[] line = HttpLines.readLine(in).split(" ");
        var headers = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        for (String h; !(h = HttpLines.readLine(in)).isEmpty(); ) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon), h.substring(colon + 1).strip());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("Transfer-Encoding"))) {
            body = new ChunkedInputStream(in).readAllBytes();
        } else if (headers.containsKey("Content-Length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("Content-Length")));
        } else {
            body = new byte[0];
        }
        return new Request(line[0], line[1], headers, body);
    }

    static void respond(OutputStream out, String head, String body) throws IOException {
        out.write((head + "\r\n" + (body.isEmpty() ? "" : "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n")
                + "\r\n" + body).getBytes(StandardCharsets.UTF_8));
    }

    static void respondChunked(OutputStream out, String head, String... chunks) throws IOException {
        var text = new StringBuilder(head).append("\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (String chunk : chunks) {
            text.append(Integer.toHexString(chunk.getBytes(StandardCharsets.UTF_8).length)).append("\r\n").append(chunk).append("\r\n");
        }
        out.write(text.append("0\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The standard ping reply announcing 1.41. */
    static boolean answeredPing(Request request, OutputStream out) throws IOException {
        if (!request.target().equals("/_ping")) {
            return false;
        }
        respond(out, "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nOstype: linux\r\nContent-Length: 0", "");
        return true;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(dir.resolve("engine.sock"));
        Files.deleteIfExists(dir);
    }
}
