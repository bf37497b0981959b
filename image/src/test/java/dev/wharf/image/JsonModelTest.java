package dev.wharf.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonModelTest {
    private static final String HEX = "0123456789abcdef".repeat(4);

    @Test
    void digestParsesAndPrints() {
        Digest digest = Digest.parse("sha256:" + HEX);

        assertThat(digest.algorithm()).isEqualTo("sha256");
        assertThat(digest.encoded()).isEqualTo(HEX);
        assertThat(digest.shortId()).isEqualTo("0123456789ab");
        assertThat(digest.toString()).isEqualTo("sha256:" + HEX);
        assertThat(Digest.parse("sha512:" + HEX + HEX).algorithm()).isEqualTo("sha512");
        assertThat(Digest.sha256(new byte[0]).toString())
                .isEqualTo("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void digestRejectsMalformedText() {
        for (String bad : List.of(HEX, "sha256:" + HEX.toUpperCase(), "sha256:abc", "md5:" + HEX, "sha256:" + HEX + "0")) {
            assertThatThrownBy(() -> Digest.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void readsDockerConfigWithUnknownFields() throws Exception {
        String json = """
                {"architecture":"amd64","os":"linux","created":"2023-05-18T22:34:17.171588954Z",
                 "container":"abc","docker_version":"20.10.23","moby.buildkit.buildinfo.v1":"x",
                 "config":{"Hostname":"","Env":["PATH=/bin"],"Cmd":["sh"],"ExposedPorts":{"80/tcp":{}},
                   "Volumes":{"/data":{}},"Labels":{"a":"b"},"ArgsEscaped":true,"Image":"sha256:x",
                   "Healthcheck":{"Test":["CMD","true"],"Interval":30000000000,"Retries":3}},
                 "rootfs":{"type":"layers","diff_ids":["sha256:%s"]},
                 "history":[{"created":"2023-05-18T22:34:17Z","created_by":"/bin/sh -c #(nop) CMD [\\"sh\\"]","empty_layer":true}]}
                """.formatted(HEX);

        ImageConfig config = Json.read(json.getBytes(StandardCharsets.UTF_8), ImageConfig.class);

        assertThat(config.architecture()).isEqualTo("amd64");
        assertThat(config.createdAt()).isNotNull();
        assertThat(config.config().cmd()).containsExactly("sh");
        assertThat(config.config().exposedPorts()).containsOnlyKeys("80/tcp");
        assertThat(config.config().healthcheck().interval()).isEqualTo(30_000_000_000L);
        assertThat(config.rootfs().diffIds()).containsExactly(Digest.parse("sha256:" + HEX));
        assertThat(config.history().getFirst().isEmptyLayer()).isTrue();
    }

    @Test
    void writesDockerNamesAndOmitsNulls() {
        ContainerConfig container = ContainerConfig.builder().cmd(List.of("sh"))
                .exposedPorts(Map.of("80/tcp", EmptyObject.INSTANCE)).build();
        ImageConfig config = new ImageConfig(null, null, "amd64", "linux", null, container,
                RootFs.layers(List.of(Digest.parse("sha256:" + HEX))), List.of(new History(null, "x", null, null, true)));

        String json = new String(Json.bytes(config), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"ExposedPorts\":{\"80/tcp\":{}},"
                + "\"Cmd\":[\"sh\"]},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:" + HEX + "\"]},"
                + "\"history\":[{\"created_by\":\"x\",\"empty_layer\":true}]}");
    }

    @Test
    void manifestRoundTripsWithOciNames() throws Exception {
        Manifest manifest = Manifest.oci(Descriptor.of(MediaTypes.OCI_CONFIG, Digest.parse("sha256:" + HEX), 7),
                List.of(Descriptor.of(MediaTypes.OCI_LAYER_TAR, Digest.parse("sha256:" + HEX), 9)));

        byte[] json = Json.bytes(manifest);

        assertThat(new String(json, StandardCharsets.UTF_8)).startsWith(
                "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{");
        assertThat(Json.read(json, Manifest.class)).isEqualTo(manifest);
    }

    @Test
    void readsAnIndexWithPlatforms() throws Exception {
        String json = """
                {"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.list.v2+json",
                 "manifests":[{"mediaType":"application/vnd.docker.distribution.manifest.v2+json","size":1,
                   "digest":"sha256:%s","platform":{"architecture":"arm","os":"linux","variant":"v7","os.version":"x"}}]}
                """.formatted(HEX);

        ImageIndex index = Json.read(json.getBytes(StandardCharsets.UTF_8), ImageIndex.class);

        assertThat(MediaTypes.isIndex(index.mediaType())).isTrue();
        assertThat(index.manifests().getFirst().platform().variant()).isEqualTo("v7");
        assertThat(index.manifests().getFirst().platform().osVersion()).isEqualTo("x");
    }
}
