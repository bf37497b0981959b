package dev.wharf.registry;

import dev.wharf.image.Digest;
import dev.wharf.registry.config.RegistryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** A registry started in-process on 127.0.0.1 and an ephemeral port, with an HTTP client pointed at it. */
final class TestRegistry implements AutoCloseable {
    final Registry registry;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    TestRegistry(Path root, UnaryOperator<RegistryConfig> configure) throws IOException {
        RegistryConfig config = new RegistryConfig("127.0.0.1:0", root, false, new RegistryConfig.Delete(true),
                null, null, false, null);
        this.registry = Registry.start(configure.apply(config));
        this.base = "http://127.0.0.1:" + registry.address().getPort();
    }

    private TestRegistry(String base) {
        this.registry = null;
        this.base = base;
    }

    /** Only a client, for a registry running in another process. */
    static TestRegistry client(String base) {
        return new TestRegistry(base);
    }

    TestRegistry(Path root) throws IOException {
        this(root, UnaryOperator.identity());
    }

    String base() {
        return base;
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(pathAndQuery.startsWith("http") ? pathAndQuery : base() + pathAndQuery));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    HttpResponse<String> head(String path) throws IOException, InterruptedException {
        return send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE());
    }

    /** Uploads a blob in one POST; returns its digest. */
    Digest pushBlob(String repository, byte[] content) throws IOException, InterruptedException {
        Digest digest = Digest.sha256(content);
        HttpResponse<String> response = send(request("/v2/" + repository + "/blobs/uploads/?digest=" + digest)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("blob push failed: " + response.statusCode() + " " + response.body());
        }
        return digest;
    }

    HttpResponse<String> putManifest(String repository, String reference, String mediaType, byte[] manifest)
            throws IOException, InterruptedException {
        return send(request("/v2/" + repository + "/manifests/" + reference)
                .header("Content-Type", mediaType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest)));
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
        http.close();
    }
}
