package dev.wharf.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.image.Digest;
import dev.wharf.image.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real skopeo (containers/image) copying OCI layouts and docker archives into and out of the registry. */
class SkopeoInteropTest {
    @TempDir
    Path dir;
    TestRegistry registry;
    String host;

    @BeforeEach
    void start() throws Exception {
        registry = new TestRegistry(Files.createDirectory(dir.resolve("root")));
        host = "127.0.0.1:" + registry.registry.address().getPort();
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void ociLayoutInAndOutUnchanged() throws Exception {
        Digest manifest = OciLayouts.busybox(dir.resolve("src"), "latest");
        skopeo("copy", "--dest-tls-verify=false", "oci:" + dir.resolve("src") + ":latest", "docker://" + host + "/interop/busybox:oci");
        assertThat(registry.get("/v2/interop/busybox/manifests/oci").headers().firstValue("Docker-Content-Digest"))
                .hasValue(manifest.toString());

        skopeo("copy", "--src-tls-verify=false", "docker://" + host + "/interop/busybox:oci", "oci:" + dir.resolve("out") + ":copy");
        JsonNode index = Json.MAPPER.readTree(dir.resolve("out/index.json").toFile());
        assertThat(index.path("manifests").get(0).path("digest").asText()).isEqualTo(manifest.toString());
        try (var blobs = Files.list(dir.resolve("src/blobs/sha256"))) {
            for (Path blob : blobs.toList()) {
                assertThat(dir.resolve("out/blobs/sha256").resolve(blob.getFileName())).hasSameBinaryContentAs(blob);
            }
        }
    }

    @Test
    void dockerFormatAndDockerArchiveRoundTrip() throws Exception {
        OciLayouts.busybox(dir.resolve("src"), "latest");
        skopeo("copy", "--dest-tls-verify=false", "--format", "v2s2", "oci:" + dir.resolve("src") + ":latest",
                "docker://" + host + "/interop/docker:v2s2");
        assertThat(registry.get("/v2/interop/docker/manifests/v2s2").headers().firstValue("Content-Type"))
                .hasValue("application/vnd.docker.distribution.manifest.v2+json");

        Path archive = dir.resolve("image.tar");
        skopeo("copy", "--src-tls-verify=false", "docker://" + host + "/interop/docker:v2s2",
                "docker-archive:" + archive + ":interop/docker:v2s2");
        assertThat(archive).isNotEmptyFile();

        skopeo("copy", "--dest-tls-verify=false", "docker-archive:" + archive, "docker://" + host + "/interop/again:1");
        String inspect = skopeo("inspect", "--tls-verify=false", "docker://" + host + "/interop/again:1");
        assertThat(Json.MAPPER.readTree(inspect).path("Layers")).hasSize(1);
        assertThat(Json.MAPPER.readTree(registry.get("/v2/_catalog").body()).path("repositories").toString())
                .contains("interop/again", "interop/docker");
    }

    private String skopeo(String... args) throws Exception {
        return new Skopeo(dir).run(args);
    }
}
