package dev.wharf.image.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.wharf.image.Digest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An {@code --insecure-registry} that speaks only plain HTTP: HTTPS is tried first, then plain HTTP, as Docker. */
class InsecureRegistryFallbackTest {
    private static final byte[] MANIFEST = "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8);

    static {
        // The JDK's server waits for a request line that a TLS hello never sends; a registry answers at once.
        System.setProperty("sun.net.httpserver.maxReqTime", "1");
    }

    private HttpServer server;
    private String authority;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v2/app/manifests/1", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/vnd.oci.image.manifest.v1+json");
            exchange.sendResponseHeaders(200, MANIFEST.length);
            exchange.getResponseBody().write(MANIFEST);
            exchange.close();
        });
        server.start();
        authority = "127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aListedRegistryWithoutTlsIsReachedOverPlainHttpAndStaysThere() throws Exception {
        RegistryHosts hosts = new RegistryHosts(Set.of(authority), List.of());
        RegistryClient client = RegistryClient.open(new RegistryHttp(hosts), URI.create("https://" + authority), "app",
                RegistryAuth.ANONYMOUS, List.of());
        assertThat(client.manifest("1").digest()).isEqualTo(Digest.sha256(MANIFEST));
        assertThat(client.manifest("1").bytes()).isEqualTo(MANIFEST); // the session moved to http://
    }

    @Test
    void anUnlistedRegistryGetsNoFallback() {
        RegistryClient client = RegistryClient.open(new RegistryHttp(RegistryHosts.defaults()),
                URI.create("https://" + authority), "app", RegistryAuth.ANONYMOUS, List.of());
        assertThatThrownBy(() -> client.manifest("1")).isInstanceOf(RegistryException.class);
    }
}
