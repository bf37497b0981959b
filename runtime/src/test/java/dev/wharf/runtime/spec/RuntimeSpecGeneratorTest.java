package dev.wharf.runtime.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.runtime.ContainerResources;
import dev.wharf.runtime.ContainerSecurity;
import dev.wharf.runtime.ContainerSpec;
import dev.wharf.runtime.ContainerSpec.ProcessUser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Compares our config.json with the one dockerd 20.10 generated (shared/reference/oci). */
class RuntimeSpecGeneratorTest {
    private static final Path DOCKERD_CONFIG = Path.of("../../shared/reference/oci/dockerd-generated-config.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "e87261ffd9d6a2ea07b39bff8f357b7f2a069f146c761ad53ac6f998363f22fb";

    private final JsonNode dockerd = readDockerd();
    private final JsonNode ours = generate(false);

    @Test
    void processMatchesDockerd() {
        for (String field : List.of("user", "args", "env", "cwd", "capabilities", "oomScoreAdj")) {
            assertThat(ours.at("/process/" + field)).as(field).isEqualTo(dockerd.at("/process/" + field));
        }
        assertThat(ours.at("/process/terminal").asBoolean()).isFalse();
        assertThat(ours.at("/process/noNewPrivileges").asBoolean()).isFalse();
        assertThat(ours.at("/process/rlimits").isMissingNode()).isTrue();
        assertThat(generate(true).at("/process/terminal").asBoolean()).isTrue();
    }

    @Test
    void mountsMatchDockerdExceptTheVolume() {
        List<JsonNode> expected = JSON.convertValue(dockerd.get("mounts"), JSON.getTypeFactory()
                .constructCollectionType(List.class, JsonNode.class));
        List<JsonNode> withoutVolume = expected.stream()
                .filter(mount -> !mount.get("destination").asText().equals("/data"))
                .toList();
        // ours are sorted by destination after the standard ones
        assertThat(ours.get("mounts")).containsExactlyInAnyOrderElementsOf(withoutVolume);
        assertThat(ours.at("/mounts/0/destination").asText()).isEqualTo("/proc");
    }

    @Test
    void linuxSectionMatchesDockerd() {
        for (String field : List.of("sysctl", "namespaces", "maskedPaths", "readonlyPaths", "cgroupsPath")) {
            assertThat(ours.at("/linux/" + field)).as(field).isEqualTo(dockerd.at("/linux/" + field)
                    .deepCopy());
        }
        assertThat(ours.at("/linux/resources/devices")).isEqualTo(dockerd.at("/linux/resources/devices"));
        assertThat(ours.at("/linux/resources/memory")).isEqualTo(dockerd.at("/linux/resources/memory"));
    }

    @Test
    void seccompIsDockersDefaultProfile() {
        assertThat(ours.at("/linux/seccomp")).isEqualTo(dockerd.at("/linux/seccomp"));
    }

    @Test
    void rootHostnameAndAnnotations() {
        assertThat(ours.get("ociVersion")).isEqualTo(dockerd.get("ociVersion"));
        assertThat(ours.get("hostname")).isEqualTo(dockerd.get("hostname"));
        assertThat(ours.at("/root/path")).isEqualTo(dockerd.at("/root/path"));
        assertThat(ours.at("/root/readonly").asBoolean()).isFalse();
        assertThat(ours.at("/annotations/org.example").asText()).isEqualTo("yes");
    }

    /** The reference container ran with {@code -m 64m}. */
    private static final ContainerResources DOCKERD_LIMITS = new ContainerResources(64L << 20, 0, 0, false, 0, 0, 0, "",
            "", 0, 0, ContainerResources.DEFAULT_SHM_SIZE, List.of());

    private static JsonNode generate(boolean tty) {
        String containerDir = "/var/lib/docker/containers/" + ID;
        var spec = new ContainerSpec(ID,
                Path.of("/var/lib/docker/overlay2/efe95c00eb935214489b85db44affd20c4c2c74bd8f19c11abf5859a7e5ec8d9/merged"),
                List.of("sleep", "60"),
                List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOSTNAME=e87261ffd9d6"),
                "", new ProcessUser(0, 0, List.of(0)), "e87261ffd9d6", tty, false, false,
                Map.of("/etc/resolv.conf", Path.of(containerDir, "resolv.conf"),
                        "/etc/hostname", Path.of(containerDir, "hostname"),
                        "/etc/hosts", Path.of(containerDir, "hosts")),
                Map.of("org.example", "yes"), Path.of("/tmp/log"), List.of(), DOCKERD_LIMITS, ContainerSecurity.DEFAULT);
        try {
            return JSON.readTree(RuntimeSpecGenerator.toJson(new RuntimeSpecGenerator("/docker").generate(spec)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode readDockerd() {
        try {
            return JSON.readTree(DOCKERD_CONFIG.toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
