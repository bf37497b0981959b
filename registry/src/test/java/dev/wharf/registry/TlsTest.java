package dev.wharf.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.image.Digest;
import dev.wharf.registry.config.RegistryConfig;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry over TLS with a PEM certificate and key: a verifying Java client and skopeo. */
class TlsTest {
    @TempDir
    Path dir;

    @Test
    void servesOverTlsWithAPemCertificate() throws Exception {
        Path cert = dir.resolve("certs/ca.crt");
        Path key = dir.resolve("key.pem");
        Files.createDirectories(cert.getParent());
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(), "-out", cert.toString())
                .redirectErrorStream(true).start();
        openssl.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0).isTrue();

        RegistryConfig config = new RegistryConfig("127.0.0.1:0", Files.createDirectory(dir.resolve("root")), false, null,
                null, new RegistryConfig.Tls(cert, key), false, null);
        try (Registry registry = Registry.start(config);
             HttpClient client = HttpClient.newBuilder().sslContext(trusting(cert)).version(HttpClient.Version.HTTP_1_1).build()) {
            String base = "https://127.0.0.1:" + registry.address().getPort();
            assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/v2/")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            byte[] blob = new byte[3 << 20];
            new Random(7).nextBytes(blob);
            Digest digest = Digest.sha256(blob);
            assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/v2/secure/blobs/uploads/?digest=" + digest))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(blob)).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(201);
            byte[] back = client.send(HttpRequest.newBuilder(URI.create(base + "/v2/secure/blobs/" + digest)).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            assertThat(Digest.sha256(back)).isEqualTo(digest);

            OciLayouts.busybox(dir.resolve("src"), "latest");
            new Skopeo(dir).run("copy", "--dest-cert-dir", cert.getParent().toString(), "oci:" + dir.resolve("src") + ":latest",
                    "docker://127.0.0.1:" + registry.address().getPort() + "/secure/busybox:tls");
        }
    }

    private static SSLContext trusting(Path cert) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            store.setCertificateEntry("registry", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
