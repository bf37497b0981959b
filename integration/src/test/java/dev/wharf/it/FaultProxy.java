package dev.wharf.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP proxy in front of a test registry that counts blob downloads per digest and injects
 * faults: it can cut one blob's body halfway (the connection drops) and hold a blob until enough
 * manifests were fetched (so two pulls are sure to overlap).
 */
final class FaultProxy implements AutoCloseable {
    private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length", "transfer-encoding",
            "upgrade", "expect", "keep-alive");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String upstream;
    private final Map<String, AtomicInteger> blobGets = new ConcurrentHashMap<>();
    private final AtomicInteger manifestGets = new AtomicInteger();
    private volatile String cutOnce;
    private volatile String held;
    private volatile int releaseAfterManifests;
    private final CountDownLatch release = new CountDownLatch(1);

    FaultProxy(String upstreamAddress) throws IOException {
        this.upstream = "http://" + upstreamAddress;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::forward);
        server.start();
    }

    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    int blobGets(String digest) {
        AtomicInteger count = blobGets.get(digest);
        return count == null ? 0 : count.get();
    }

    /** The next download of the blob stops after half its bytes and the connection closes. */
    void cutOnce(String digest) {
        this.cutOnce = digest;
    }

    /** Downloads of the blob wait until this many manifest GETs have passed. */
    void holdUntilManifests(String digest, int manifests) {
        this.held = digest;
        this.releaseAfterManifests = manifests;
    }

    /** Lets held downloads go. */
    void release() {
        release.countDown();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String digest = path.contains("/blobs/sha256:") ? path.substring(path.lastIndexOf('/') + 1) : null;
            boolean get = exchange.getRequestMethod().equals("GET");
            if (get && path.contains("/manifests/") && manifestGets.incrementAndGet() >= releaseAfterManifests) {
                release.countDown();
            }
            if (get && digest != null) {
                blobGets.computeIfAbsent(digest, d -> new AtomicInteger()).incrementAndGet();
                if (digest.equals(held)) {
                    release.await(60, TimeUnit.SECONDS);
                }
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + path + (query == null ? "" : "?" + query)));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase())) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            byte[] body = exchange.getRequestBody().readAllBytes();
            request.method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            boolean noBody = exchange.getRequestMethod().equals("HEAD") || response.statusCode() == 204
                    || response.statusCode() == 304;
            exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : length < 0 ? 0 : length);
            try (InputStream in = response.body(); OutputStream out = exchange.getResponseBody()) {
                if (get && digest != null && digest.equals(cutOnce) && length > 1) {
                    cutOnce = null;
                    out.write(in.readNBytes((int) (length / 2)));
                    out.flush();
                    throw new IOException("cut by the test"); // the server drops the connection
                }
                in.transferTo(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
