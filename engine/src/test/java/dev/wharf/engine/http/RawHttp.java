package dev.wharf.engine.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A minimal HTTP/1.1 client on a Unix socket for tests: raw requests, parsed responses. */
public final class RawHttp implements AutoCloseable {
    public record Response(int status, String reason, Map<String, String> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    final SocketChannel channel;
    final InputStream in;
    final OutputStream out;

    public RawHttp(Path socket) throws IOException {
        channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        in = Channels.newInputStream(channel);
        out = Channels.newOutputStream(channel);
    }

    public void send(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    public Response request(String method, String path) throws IOException {
        send(method + " " + path + " HTTP/1.1\r\nHost: api.moby.localhost\r\n\r\n");
        return read(method.equals("HEAD"));
    }

    public Response read(boolean head) throws IOException {
        Response response = readHead();
        if (head || response.status == 204 || response.status == 304 || response.status == 101) {
            return response;
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(response.header("Transfer-Encoding"))) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] chunk;
            while ((chunk = readChunk()) != null) {
                all.writeBytes(chunk);
            }
            body = all.toByteArray();
        } else if (response.header("Content-Length") != null) {
            body = in.readNBytes(Integer.parseInt(response.header("Content-Length")));
        } else {
            body = in.readAllBytes();
        }
        return new Response(response.status, response.reason, response.headers, body);
    }

    public Response readHead() throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        Map<String, String> headers = new LinkedHashMap<>();
        String header;
        while (!(header = line()).isEmpty()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        return new Response(Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : "", headers, new byte[0]);
    }

    /** The next chunk of a chunked body, or null after the last one. */
    public byte[] readChunk() throws IOException {
        int size = Integer.parseInt(line().split(";")[0].trim(), 16);
        if (size == 0) {
            line();
            return null;
        }
        byte[] data = in.readNBytes(size);
        line();
        return data;
    }

    String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b < 0 && line.size() == 0) {
            throw new IOException("connection closed");
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
