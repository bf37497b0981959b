package dev.wharf.cli.command;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Unix-socket HTTP server answering one request per connection from a script. */
final class ScriptedEngine implements AutoCloseable {

    record Request(String method, String target, Map<String, String> headers, String body) {
        String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }
    }

    interface Handler {
        void handle(Request request, SocketChannel channel, InputStream in, OutputStream out) throws Exception;
    }

    private final Path dir;
    private final ServerSocketChannel server;
    final List<Request> requests = new CopyOnWriteArrayList<>();

    ScriptedEngine(Handler handler) throws IOException {
        dir = Files.createTempDirectory("wharf-cli");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(dir.resolve("s.sock")));
        Thread.ofVirtual().start(() -> {
            while (true) {
                try {
                    var channel = server.accept();
                    Thread.ofVirtual().start(() -> {
                        try (channel) {
                            var in = new BufferedInputStream(Channels.newInputStream(channel));
                            var out = new OutputStream() {
                                @Override
                                public void write(int b) throws IOException {
                                    write(new byte[] {(byte) b}, 0, 1);
                                }

                                @Override
                                public void write(byte[] b, int off, int len) throws IOException {
                                    var buffer = ByteBuffer.wrap(b, off, len);
                                    while (buffer.hasRemaining()) {
                                        channel.write(buffer);
                                    }
                                }
                            };
                            var request = read(in);
                            requests.add(request);
                            if (request.path().equals("/_ping")) {
                                respond(out, 200, "", "Api-Version: 1.41\r\n");
                            } else {
                                handler.handle(request, channel, in, out);
                            }
                        } catch (Exception ignored) {
                            // connection ended
                        }
                    });
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    String host() {
        return "unix://" + dir.resolve("s.sock");
    }

    private static Request read(InputStream in) throws IOException {
        String[] start = line(in).split(" ");
        var headers = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        for (String h; !(h = line(in)).isEmpty(); ) {
            headers.put(h.substring(0, h.indexOf(':')), h.substring(h.indexOf(':') + 1).strip());
        }
        int length = Integer.parseInt(headers.getOrDefault("Content-Length", "0"));
        return new Request(start[0], start[1], headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new IOException("eof");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    static void respond(OutputStream out, int status, String json, String extraHeaders) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " X\r\n" + extraHeaders + "Content-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(dir.resolve("s.sock"));
        Files.deleteIfExists(dir);
    }
}
