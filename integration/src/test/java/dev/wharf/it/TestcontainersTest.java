package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Testcontainers for Java 2 against wharfd: a GenericContainer of the built-in busybox started with a
 * log-message wait, its logs and configuration ({@link TestcontainersScenario}); an ImageFromDockerfile
 * built through {@code POST /build} and run ({@link TestcontainersBuildScenario}).
 * Ryuk, Testcontainers' resource reaper, is disabled.
 */
class TestcontainersTest extends EndToEndTest {

    @Test
    void aGenericContainerStartsWithALogWaitAndShowsItsLogs() throws Exception {
        runScenario(TestcontainersScenario.class);
    }

    @Test
    void anImageFromDockerfileBuildsAndRuns() throws Exception {
        runScenario(TestcontainersBuildScenario.class);
        assertThat(wharfOk("images", "-q", "localhost/wharf-tc-built")).isEmpty();
    }

    private void runScenario(Class<?> scenario) throws Exception {
        var command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), scenario.getName())
                .redirectErrorStream(true);
        var env = command.environment();
        env.put("DOCKER_HOST", daemon.host());
        env.put("TESTCONTAINERS_RYUK_DISABLED", "true");
        env.put("TESTCONTAINERS_HOST_OVERRIDE", "localhost");
        env.put("HOME", root.toString()); // no user-level ~/.testcontainers.properties or docker config applies
        Process process = command.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exitCode = process.waitFor();
        assertThat(output).as("%s\ndaemon log:\n%s", output, daemon.log()).contains("SCENARIO OK");
        assertThat(exitCode).isZero();
    }
}
