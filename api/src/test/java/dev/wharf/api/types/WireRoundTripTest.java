package dev.wharf.api.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.api.ApiJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Recorded Docker bodies must survive parse → serialise without losing a field. */
class WireRoundTripTest {

    @Test
    void createBodyOfRunRm() throws IOException {
        var request = roundTrip("t05-create.json", ContainerCreateRequest.class);
        assertThat(request.config().cmd()).containsExactly("echo", "hi");
        assertThat(request.hostConfig().autoRemove()).isTrue();
        assertThat(request.networkingConfig().endpointsConfig()).containsKey("default");
        assertThat(request.config().image()).isEqualTo("busybox");
    }

    @Test
    void containerInspect() throws IOException {
        var inspect = roundTrip("t12-inspect.json", ContainerInspect.class);
        assertThat(inspect.state().exitCode()).isEqualTo(130);
        assertThat(inspect.hostConfig().shmSize()).isEqualTo(67108864L);
        assertThat(inspect.networkSettings().networks().get("bridge").networkId()).startsWith("beba555f");
    }

    @Test
    void imageInspectInfoAndLists() throws IOException {
        assertThat(roundTrip("t13-image.json", ImageInspect.class).rootFs().layers()).hasSize(1);
        assertThat(roundTrip("t02-info.json", SystemInfo.class).swarm().localNodeState()).isEqualTo("inactive");
        assertThat(roundTrip("t65-ps.json", new TypeReference<List<ContainerSummary>>() {})).hasSize(1);
        assertThat(roundTrip("t04-images.json", new TypeReference<List<ImageSummary>>() {})).hasSize(2);
    }

    @Test
    void waitResponseWritesNullErrorLikeDocker() throws IOException {
        assertThat(ApiJson.toJson(new ContainerWaitResponse(null, 0))).isEqualTo("{\"Error\":null,\"StatusCode\":0}");
        assertThat(roundTrip("t05-wait.json", ContainerWaitResponse.class).statusCode()).isZero();
    }

    @Test
    void omitEmptyFieldsStayOut() {
        assertThat(ApiJson.toJson(new ImageDeleteResponseItem("busybox:latest", null)))
                .isEqualTo("{\"Untagged\":\"busybox:latest\"}");
        assertThat(ApiJson.toJson(new ProgressMessage(null, "Pulling", null, null, null, null, null, null)))
                .isEqualTo("{\"status\":\"Pulling\"}");
        assertThat(ApiJson.toJson(ContainerConfig.builder().build())).doesNotContain("ExposedPorts", "Healthcheck", "Shell")
                .contains("\"Hostname\":\"\"", "\"Env\":null");
    }

    @Test
    void flatCreateBodyConvertsToAndFromConfig() {
        var config = ContainerConfig.builder().image("busybox").cmd(List.of("true")).labels(Map.of("a", "b")).build();
        var request = ContainerCreateRequest.of(config);
        assertThat(request.config()).isEqualTo(config);
        assertThat(ApiJson.toJson(request)).startsWith("{\"Hostname\":\"\"").contains("\"Image\":\"busybox\"")
                .doesNotContain("\"config\"", "\"Config\"");
    }

    @Test
    void dockerIndentationMatchesGo() {
        var json = ApiJson.toDockerIndentedJson(List.of(new GraphDriver(Map.of(), "overlay2"), new RootFs("layers", List.of())));
        assertThat(json).isEqualTo("""
        [
            {
                "Data": {},
                "Name": "overlay2"
            },
            {
                "Type": "layers",
                "Layers": []
            }
        ]""");
    }

    private static <T> T roundTrip(String resource, Class<T> type) throws IOException {
        JsonNode original = tree(resource);
        T value = ApiJson.mapper().treeToValue(original, type);
        assertNoFieldLost(original, value);
        return value;
    }

    private static <T> T roundTrip(String resource, TypeReference<T> type) throws IOException {
        JsonNode original = tree(resource);
        T value = ApiJson.mapper().readerFor(type).readValue(original);
        assertNoFieldLost(original, value);
        return value;
    }

    private static void assertNoFieldLost(JsonNode original, Object value) throws IOException {
        JsonNode written = ApiJson.mapper().readTree(ApiJson.toBytes(value));
        var lost = new ArrayList<String>();
        collectLost("$", original, written, lost);
        assertThat(lost).as("fields lost in the round trip").isEmpty();
    }

    /** Every member of {@code expected} must appear in {@code actual}; extra members are fine. */
    private static void collectLost(String path, JsonNode expected, JsonNode actual, List<String> lost) {
        if (actual == null || actual.isMissingNode()) {
            lost.add(path);
        } else if (expected.isObject()) {
            expected.properties().forEach(e -> collectLost(path + "." + e.getKey(), e.getValue(), actual.get(e.getKey()), lost));
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                lost.add(path + " (array)");
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                collectLost(path + "[" + i + "]", expected.get(i), actual.get(i), lost);
            }
        } else if (!expected.equals(actual)) {
            lost.add(path + " = " + expected + " became " + actual);
        }
    }

    private static JsonNode tree(String resource) throws IOException {
        try (InputStream in = WireRoundTripTest.class.getResourceAsStream("/wire/" + resource)) {
            return ApiJson.mapper().readTree(in);
        }
    }
}
