package dev.wharf.registry;

import static dev.wharf.registry.SpecEndpointsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.image.Digest;
import dev.wharf.image.MediaTypes;
import dev.wharf.registry.config.RegistryConfig;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read-only mode, disabled deletes, size limits, the YAML configuration, health and metrics. */
class PolicyAndOperationsTest {
    @TempDir
    Path dir;

    @Test
    void readOnlyRefusesWritesButServesReads() throws Exception {
        Path root = Files.createDirectory(dir.resolve("root"));
        Digest digest;
        try (TestRegistry writable = new TestRegistry(root)) {
            digest = writable.pushBlob("ro", "content".getBytes(StandardCharsets.UTF_8));
        }
        try (TestRegistry registry = new TestRegistry(root, config -> new RegistryConfig(config.addr(), root, true,
                config.delete(), null, null, false, null))) {
            assertThat(registry.get("/v2/ro/blobs/" + digest).body()).isEqualTo("content");
            assertError(registry.send(registry.request("/v2/ro/blobs/uploads/").POST(BodyPublishers.noBody())), 405, "UNSUPPORTED");
            assertError(registry.delete("/v2/ro/blobs/" + digest), 405, "UNSUPPORTED");
        }
    }

    @Test
    void deletesAreUnsupportedUnlessEnabled() throws Exception {
        try (TestRegistry registry = new TestRegistry(Files.createDirectory(dir.resolve("root")), config -> new RegistryConfig(
                config.addr(), config.root(), false, null, null, null, false, null))) {
            byte[] manifest = TestImages.pushImage(registry, "keep", "k");
            registry.putManifest("keep", "v1", MediaTypes.OCI_MANIFEST, manifest);
            assertError(registry.delete("/v2/keep/manifests/v1"), 405, "UNSUPPORTED");
            assertError(registry.delete("/v2/keep/manifests/" + Digest.sha256(manifest)), 405, "UNSUPPORTED");
            assertThat(registry.get("/v2/keep/manifests/v1").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void blobAndManifestSizeLimits() throws Exception {
        try (TestRegistry registry = new TestRegistry(Files.createDirectory(dir.resolve("root")), config -> new RegistryConfig(
                config.addr(), config.root(), false, null, new RegistryConfig.Limits(1024, 4096L), null, false, null))) {
            byte[] big = new byte[5000];
            assertError(registry.send(registry.request("/v2/lim/blobs/uploads/?digest=" + Digest.sha256(big))
                    .POST(BodyPublishers.ofByteArray(big))), 413, "SIZE_INVALID");
            assertThat(Files.exists(dir.resolve("root/blobs/sha256/" + Digest.sha256(big).encoded()))).isFalse();
            byte[] manifest = ("{\"schemaVersion\":2,\"annotations\":{\"a\":\"" + "x".repeat(2000) + "\"}}").getBytes();
            assertError(registry.putManifest("lim", "big", MediaTypes.OCI_MANIFEST, manifest), 413, "SIZE_INVALID");
        }
    }

    @Test
    void yamlConfigurationFile() throws Exception {
        Path file = Files.writeString(dir.resolve("registry.yaml"), """
                addr: 127.0.0.1:0
                root: %s
                read-only: false
                delete: {enabled: true}
                limits: {max-manifest-bytes: 2048}
                access-log: false
                """.formatted(dir.resolve("root")));
        RegistryConfig config = RegistryConfig.load(file);
        assertThat(config.root()).isEqualTo(dir.resolve("root"));
        assertThat(config.delete().enabled()).isTrue();
        assertThat(config.limits().maxManifestBytes()).isEqualTo(2048);
        try (TestRegistry registry = new TestRegistry(dir.resolve("root"), ignored -> config)) {
            assertThat(registry.get("/v2/").statusCode()).isEqualTo(200);
        }
        Files.writeString(file, "no-such-setting: 1\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RegistryConfig.load(file))
                .hasMessageContaining("no-such-setting");
    }

    @Test
    void healthAndPrometheusMetrics() throws Exception {
        try (TestRegistry registry = new TestRegistry(Files.createDirectory(dir.resolve("root")))) {
            assertThat(registry.get("/health").statusCode()).isEqualTo(200);
            registry.get("/v2/");
            registry.get("/v2/none/tags/list");
            String metrics = registry.get("/metrics").body();
            assertThat(metrics).contains("# TYPE wharf_registry_http_requests_total counter")
                    .contains("wharf_registry_http_requests_total{method=\"GET\",code=\"200\"}")
                    .contains("wharf_registry_http_requests_total{method=\"GET\",code=\"404\"} 1");
        }
    }
}
