package dev.wharf.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import dev.wharf.image.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Google's Jib (jib-core) building an image from scratch and pushing it to the registry over plain HTTP. */
class JibPushTest {
    @TempDir
    Path dir;

    @Test
    void jibPushesAnImage() throws Exception {
        Path app = Files.writeString(dir.resolve("hello.txt"), "hello from jib\n");
        try (TestRegistry registry = new TestRegistry(Files.createDirectory(dir.resolve("root")))) {
            String image = "127.0.0.1:" + registry.registry.address().getPort() + "/jib/hello:1";
            JibContainer container = Jib.fromScratch()
                    .addLayer(List.of(app), AbsoluteUnixPath.get("/app"))
                    .setEntrypoint("/app/hello.txt")
                    .containerize(Containerizer.to(RegistryImage.named(image))
                            .setAllowInsecureRegistries(true)
                            .setBaseImageLayersCache(dir.resolve("cache/base"))
                            .setApplicationLayersCache(dir.resolve("cache/app"))
                            .setToolName("wharf-test"));

            var manifest = registry.get("/v2/jib/hello/manifests/1");
            assertThat(manifest.statusCode()).isEqualTo(200);
            assertThat(manifest.headers().firstValue("Docker-Content-Digest")).hasValue(container.getDigest().toString());
            JsonNode layers = Json.MAPPER.readTree(manifest.body()).path("layers");
            assertThat(layers).hasSize(1);
            assertThat(registry.head("/v2/jib/hello/blobs/" + layers.get(0).path("digest").asText()).statusCode()).isEqualTo(200);
        }
    }
}
