package dev.wharf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.engine.http.RawHttp;
import dev.wharf.image.ContainerConfig;
import dev.wharf.image.FileBlobStore;
import dev.wharf.image.FileImageStore;
import dev.wharf.image.History;
import dev.wharf.image.Image;
import dev.wharf.image.ImageConfig;
import dev.wharf.image.ImageReference;
import dev.wharf.image.RootFs;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembled daemon in-process on a temp socket and data root: system, image and event routes. */
class DaemonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Daemon daemon;
    private Image image;

    @BeforeEach
    void start() throws IOException {
        DaemonPaths paths = new DaemonPaths(dir.resolve("data"), dir.resolve("exec"));
        FileImageStore store = new FileImageStore(paths.images(), new FileBlobStore(paths.content()));
        image = store.create(new ImageConfig(Instant.parse("2026-12-01T07:04:38Z").toString(), null, "amd64", "linux",
                null, ContainerConfig.builder().cmd(List.of("sh")).labels(Map.of("pack", "1")).build(),
                RootFs.layers(List.of()), List.of(History.of(Instant.parse("2026-12-01T07:04:38Z"), "test", "Imported from -"))),
                List.of());
        store.tag(ImageReference.parse("busybox:latest"), image.id());
        daemon = Daemon.start(new DaemonConfig("unix://" + dir.resolve("wharf.sock"), paths.dataRoot(), paths.execRoot(),
                Path.of("/bin/busybox"), false, "/wharf", List.of(), List.of(),
                dev.wharf.engine.networks.NetworkFlags.defaults(), List.of()));
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    @Test
    void pingsVersionAndInfo() throws IOException {
        try (RawHttp http = client()) {
            RawHttp.Response ping = http.request("HEAD", "/_ping");
            assertThat(ping.status()).isEqualTo(200);
            assertThat(ping.header("Api-Version")).isEqualTo("1.44");
            assertThat(ping.header("Builder-Version")).isEqualTo("1");
            assertThat(ping.header("Swarm")).isEqualTo("inactive");
            assertThat(ping.header("Content-Length")).isEqualTo("0");
            assertThat(http.request("GET", "/v1.44/_ping").text()).isEqualTo("OK");

            JsonNode version = json(http.request("GET", "/v1.44/version"));
            assertThat(version.get("ApiVersion").asText()).isEqualTo("1.44");
            assertThat(version.get("MinAPIVersion").asText()).isEqualTo("1.24");
            assertThat(version.get("Components").get(0).get("Name").asText()).isEqualTo("Engine");

            JsonNode info = json(http.request("GET", "/info"));
            assertThat(info.get("Images").asInt()).isEqualTo(1);
            assertThat(info.get("Swarm").get("LocalNodeState").asText()).isEqualTo("inactive");
            assertThat(info.get("RegistryConfig").get("InsecureRegistryCIDRs").get(0).asText()).isEqualTo("127.0.0.0/8");
            assertThat(info.get("DockerRootDir").asText()).isEqualTo(dir.resolve("data").toString());
            assertThat(info.get("Driver").asText()).isEqualTo("overlay2");
        }
    }

    @Test
    void listsInspectsAndFiltersImages() throws IOException {
        try (RawHttp http = client()) {
            JsonNode list = json(http.request("GET", "/v1.44/images/json"));
            assertThat(list).hasSize(1);
            assertThat(list.get(0).get("RepoTags").get(0).asText()).isEqualTo("busybox:latest");
            assertThat(list.get(0).get("Id").asText()).isEqualTo(image.id().toString());

            assertThat(json(http.request("GET", "/images/json?filters=" + encode("{\"reference\":{\"busy*\":true}}"))))
                    .hasSize(1);
            assertThat(json(http.request("GET", "/images/json?filters=" + encode("{\"label\":[\"pack=2\"]}"))))
                    .isEmpty();
            assertThat(json(http.request("GET", "/images/json?filters=" + encode("{\"dangling\":{\"true\":true}}"))))
                    .isEmpty();

            JsonNode inspect = json(http.request("GET", "/v1.44/images/busybox/json"));
            assertThat(inspect.get("Config").get("Cmd").get(0).asText()).isEqualTo("sh");
            assertThat(inspect.get("Comment").asText()).isEqualTo("Imported from -");
            RawHttp.Response missing = http.request("GET", "/v1.44/images/nope:1/json");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(json(missing).get("message").asText()).isEqualTo("No such image: nope:1");
        }
    }

    @Test
    void tagsAndRemovesImagesWithDockersRules() throws IOException {
        try (RawHttp http = client()) {
            RawHttp.Response tag = http.request("POST", "/v1.44/images/busybox:latest/tag?repo="
                    + encode("docker.io/library/mine") + "&tag=v1");
            assertThat(tag.status()).isEqualTo(201);
            assertThat(json(http.request("GET", "/images/json")).get(0).get("RepoTags").toString())
                    .isEqualTo("[\"busybox:latest\",\"mine:v1\"]");

            RawHttp.Response byId = http.request("DELETE", "/images/" + image.id().shortId());
            assertThat(byId.status()).isEqualTo(409);
            assertThat(json(byId).get("message").asText()).isEqualTo("conflict: unable to delete "
                    + image.id().shortId() + " (must be forced) - image is referenced in multiple repositories");

            assertThat(json(http.request("DELETE", "/images/mine:v1")).toString())
                    .isEqualTo("[{\"Untagged\":\"mine:v1\"}]");
            assertThat(json(http.request("DELETE", "/images/busybox")).toString())
                    .isEqualTo("[{\"Untagged\":\"busybox:latest\"},{\"Deleted\":\"" + image.id() + "\"}]");
            assertThat(json(http.request("GET", "/images/json"))).isEmpty();

            // The events replay what happened, in order.
            RawHttp.Response events = http.request("GET", "/events?since=0&until=" + (Instant.now().getEpochSecond() + 1)
                    + "&filters=" + encode("{\"type\":[\"image\"]}"));
            List<String> actions = events.text().lines().map(line -> {
                try {
                    return JSON.readTree(line).get("Action").asText();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(actions).containsExactly("tag", "untag", "untag", "delete");
        }
    }

    @Test
    void streamsLiveEventsUntilTheClientLeaves() throws Exception {
        try (RawHttp events = client(); RawHttp http = client()) {
            events.send("GET /v1.44/events?filters=" + encode("{\"event\":{\"tag\":true}}") + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(events.readHead().status()).isEqualTo(200);
            http.request("POST", "/images/busybox/tag?repo=live&tag=1");
            JsonNode event = JSON.readTree(events.readChunk());
            assertThat(event.get("Type").asText()).isEqualTo("image");
            assertThat(event.get("status").asText()).isEqualTo("tag");
            assertThat(event.get("Actor").get("Attributes").get("name").asText()).isEqualTo("live:1");
            assertThat(event.get("timeNano").asLong()).isGreaterThan(event.get("time").asLong());
        }
    }

    @Test
    void aPullFromARegistryNobodyListensOnIsDockersDialError() throws IOException {
        try (RawHttp http = client()) {
            RawHttp.Response pull = http.request("POST", "/v1.44/images/create?fromImage=127.0.0.1:9%2Fnobody&tag=1");
            assertThat(pull.status()).isEqualTo(500);
            assertThat(json(pull).get("message").asText())
                    .isEqualTo("Get \"http://127.0.0.1:9/v2/nobody/manifests/1\": dial tcp 127.0.0.1:9: connect: connection refused");
        }
    }

    private RawHttp client() throws IOException {
        return new RawHttp(dir.resolve("wharf.sock"));
    }

    private static JsonNode json(RawHttp.Response response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
