package dev.wharf.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.api.types.ContainerConfig;
import dev.wharf.engine.errors.InvalidArgumentException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerConfigMergerTest {
    private static final String ID = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private final dev.wharf.image.ContainerConfig image = dev.wharf.image.ContainerConfig.builder()
            .env(List.of("PATH=/image/bin", "LANG=C"))
            .entrypoint(List.of("/entry"))
            .cmd(List.of("default-arg"))
            .workingDir("/srv")
            .user("app")
            .labels(Map.of("from", "image", "shared", "image"))
            .build();

    @Test
    void imageDefaultsFillWhatTheRequestLeavesOut() {
        ContainerConfig merged = ContainerConfigMerger.merge(ContainerConfig.builder().image("x").build(), image, ID);

        assertThat(merged.entrypoint()).containsExactly("/entry");
        assertThat(merged.cmd()).containsExactly("default-arg");
        assertThat(merged.workingDir()).isEqualTo("/srv");
        assertThat(merged.user()).isEqualTo("app");
        assertThat(merged.hostname()).isEqualTo("0123456789ab");
        assertThat(ContainerConfigMerger.argv(merged)).containsExactly("/entry", "default-arg");
    }

    @Test
    void theImagesHealthcheckFillsWhatTheRequestLeavesOut() {
        var imageCheck = new dev.wharf.image.HealthConfig(List.of("CMD", "probe"), 5L, 6L, 7L, 8L, 2);
        var withCheck = new dev.wharf.image.ContainerConfig(null, null, null, null, List.of("sh"), imageCheck, null,
                null, null, null, null, null, null);
        var request = ContainerConfig.builder().healthcheck(
                new dev.wharf.api.types.HealthConfig(null, 1_000_000_000L, 0L, 0, null, null)).build();

        var merged = ContainerConfigMerger.merge(request, withCheck, ID).healthcheck();
        var none = ContainerConfigMerger.merge(ContainerConfig.builder().healthcheck(
                new dev.wharf.api.types.HealthConfig(List.of("NONE"), null, null, null, null, null)).build(),
                withCheck, ID).healthcheck();

        assertThat(merged).isEqualTo(new dev.wharf.api.types.HealthConfig(List.of("CMD", "probe"), 1_000_000_000L,
                6L, 2, 7L, 8L));
        assertThat(none.test()).containsExactly("NONE");
        assertThat(ContainerConfigMerger.merge(ContainerConfig.builder().build(), withCheck, ID).healthcheck().test())
                .containsExactly("CMD", "probe");
    }

    @Test
    void requestCmdKeepsImageEntrypoint() {
        var request = ContainerConfig.builder().cmd(List.of("echo", "hi")).build();

        assertThat(ContainerConfigMerger.argv(ContainerConfigMerger.merge(request, image, ID)))
                .containsExactly("/entry", "echo", "hi");
    }

    @Test
    void requestEntrypointDiscardsImageCmd() {
        var request = ContainerConfig.builder().entrypoint(List.of("/bin/sh")).build();

        ContainerConfig merged = ContainerConfigMerger.merge(request, image, ID);

        assertThat(merged.cmd()).isNull();
        assertThat(ContainerConfigMerger.argv(merged)).containsExactly("/bin/sh");
    }

    @Test
    void emptyEntrypointClearsImageEntrypointButKeepsItsCmd() {
        var request = ContainerConfig.builder().entrypoint(List.of()).build();

        assertThat(ContainerConfigMerger.argv(ContainerConfigMerger.merge(request, image, ID)))
                .containsExactly("default-arg");
    }

    @Test
    void envMergesByKeyWithTheRequestWinning() {
        var request = ContainerConfig.builder().env(List.of("PATH=/mine", "EXTRA=1")).build();

        assertThat(ContainerConfigMerger.merge(request, image, ID).env())
                .containsExactly("PATH=/mine", "EXTRA=1", "LANG=C");
    }

    @Test
    void labelsCombineWithTheRequestWinning() {
        var request = ContainerConfig.builder().labels(Map.of("shared", "request", "own", "1")).build();

        assertThat(ContainerConfigMerger.merge(request, image, ID).labels())
                .containsOnly(Map.entry("from", "image"), Map.entry("shared", "request"), Map.entry("own", "1"));
    }

    @Test
    void noCommandAnywhereIsRejected() {
        assertThatThrownBy(() -> ContainerConfigMerger.merge(ContainerConfig.builder().build(),
                dev.wharf.image.ContainerConfig.EMPTY, ID))
                .isInstanceOf(InvalidArgumentException.class).hasMessage("No command specified");
    }

    @Test
    void relativeWorkingDirIsRejected() {
        var request = ContainerConfig.builder().cmd(List.of("true")).workingDir("rel").build();

        assertThatThrownBy(() -> ContainerConfigMerger.merge(request, dev.wharf.image.ContainerConfig.EMPTY, ID))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("the working directory 'rel' is invalid, it needs to be an absolute path");
    }

    @Test
    void processEnvHasDockerDefaultsThatTheConfigOverrides() {
        var config = ContainerConfig.builder().hostname("h").tty(true).env(List.of("PATH=/x", "A=b")).build();

        assertThat(ContainerConfigMerger.processEnv(config)).containsExactly("PATH=/x", "HOSTNAME=h", "TERM=xterm", "A=b");
        assertThat(ContainerConfigMerger.processEnv(ContainerConfig.builder().hostname("h").build()))
                .containsExactly("PATH=" + ContainerConfigMerger.DEFAULT_PATH, "HOSTNAME=h");
    }

    @Test
    void bareKeyRemovesADefault() {
        assertThat(ContainerConfigMerger.replaceOrAppend(List.of("A=1", "B=2"), List.of("A"))).containsExactly("B=2");
    }
}
