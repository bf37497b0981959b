package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Testcontainers for Java 2 against wharfd: GenericContainers of an image built from a Dockerfile, waited
 * for by listening port and by HTTP, their logs, exec, file copies and HTTP to the mapped port
 * ({@link TestcontainersScenario}); an ImageFromDockerfile with strings, paths and a build arg, built
 * through {@code POST /build} and run ({@link TestcontainersBuildScenario}). Ryuk, Testcontainers'
 * resource reaper, is disabled: it needs the Docker socket mounted into a container, and /.dockerenv
 * here makes Testcontainers think it runs in one.
 */
class TestcontainersTest extends EndToEndTest {

    @Test
    void genericContainersFromABuiltImageServeHttpAndTakeExecAndFiles() throws Exception {
        runScenario(TestcontainersScenario.class);
        assertThat(wharfOk("ps", "-aq")).isEmpty();
        assertThat(wharfOk("images", "-q", "wharf-tc/httpd")).isEmpty();
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
        System.out.println(output); // Testcontainers' own log of what it asked wharfd, for the test report
        assertThat(output).as("%s\ndaemon log:\n%s", output, daemon.log()).contains("SCENARIO OK");
        assertThat(exitCode).isZero();
    }
}
