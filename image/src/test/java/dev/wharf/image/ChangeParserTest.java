package dev.wharf.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeParserTest {
    private static ContainerConfig apply(String... changes) {
        return ChangeParser.apply(ContainerConfig.EMPTY, List.of(changes));
    }

    @Test
    void commandsInJsonAndShellForm() {
        assertThat(apply("CMD [\"a\", \"b\"]").cmd()).containsExactly("a", "b");
        assertThat(apply("cmd echo hi").cmd()).containsExactly("/bin/sh", "-c", "echo hi");
        assertThat(apply("ENTRYPOINT [\"/init\"]").entrypoint()).containsExactly("/init");
        assertThat(apply("ENTRYPOINT run it").entrypoint()).containsExactly("/bin/sh", "-c", "run it");
        assertThat(apply("CMD [not json").cmd()).containsExactly("/bin/sh", "-c", "[not json");
    }

    @Test
    void entrypointDropsAnInheritedCmdButNotOneSetHere() {
        ContainerConfig base = ContainerConfig.builder().cmd(List.of("sh")).build();

        assertThat(ChangeParser.apply(base, List.of("ENTRYPOINT [\"x\"]")).cmd()).isNull();
        assertThat(ChangeParser.apply(base, List.of("CMD [\"y\"]", "ENTRYPOINT [\"x\"]")).cmd()).containsExactly("y");
    }

    @Test
    void envInBothForms() {
        assertThat(apply("ENV A=1 B='x y'", "ENV C some value", "ENV A=3").env())
                .containsExactly("B=x y", "C=some value", "A=3");
    }

    @Test
    void otherInstructions() {
        ContainerConfig config = apply("USER nobody", "WORKDIR /a", "WORKDIR b", "LABEL a=b \"c d\"=e",
                "VOLUME [\"/data\"]", "VOLUME /x /y", "STOPSIGNAL SIGKILL", "EXPOSE 8000-8001/tcp", "ONBUILD RUN x",
                "HEALTHCHECK CMD curl -f http://localhost/");

        assertThat(config.user()).isEqualTo("nobody");
        assertThat(config.workingDir()).isEqualTo("/a/b");
        assertThat(config.labels()).containsEntry("a", "b").containsEntry("c d", "e");
        assertThat(config.volumes()).containsOnlyKeys("/data", "/x", "/y");
        assertThat(config.stopSignal()).isEqualTo("SIGKILL");
        assertThat(config.exposedPorts()).containsOnlyKeys("8000/tcp", "8001/tcp");
        assertThat(config.onBuild()).isNull();
        assertThat(config.healthcheck().test()).containsExactly("CMD-SHELL", "curl -f http://localhost/");
    }

    @Test
    void healthcheckTakesTheDockerfilesFlags() {
        HealthConfig check = apply("HEALTHCHECK --interval=1s --timeout=500ms --start-period=1m --start-interval=2s"
                + " --retries=4 CMD [\"test\", \"-f\", \"/ready\"]").healthcheck();

        assertThat(check).isEqualTo(new HealthConfig(List.of("CMD", "test", "-f", "/ready"), 1_000_000_000L,
                500_000_000L, 60_000_000_000L, 2_000_000_000L, 4));
        assertThat(apply("HEALTHCHECK NONE").healthcheck().test()).containsExactly("NONE");
        assertThatThrownBy(() -> apply("HEALTHCHECK --interval=10us CMD true"))
                .hasMessage("Interval \"interval\" cannot be less than 1ms");
        assertThatThrownBy(() -> apply("HEALTHCHECK --retries=-1 CMD true")).hasMessage("--retries cannot be negative (-1)");
        assertThatThrownBy(() -> apply("HEALTHCHECK --every=1s CMD true")).hasMessage("Unknown flag: every");
        assertThatThrownBy(() -> apply("HEALTHCHECK --interval=soon CMD true"))
                .hasMessage("time: invalid duration \"soon\"");
    }

    @Test
    void unknownInstructionsUseDockersWording() {
        assertThatThrownBy(() -> apply("FROM busybox")).isInstanceOf(InvalidChangeException.class)
                .hasMessage("from is not a valid change command");
        assertThatThrownBy(() -> apply("BOGUS x")).hasMessage("bogus is not a valid change command");
        assertThatThrownBy(() -> apply("EXPOSE abc")).hasMessage("invalid containerPort: abc");
        assertThatThrownBy(() -> apply("USER")).hasMessage("USER requires exactly one argument");
    }
}
