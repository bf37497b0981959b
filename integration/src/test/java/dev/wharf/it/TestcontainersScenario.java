package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * What a Testcontainers user writes, run in its own JVM by {@link TestcontainersTest} so that, as for
 * a user, Testcontainers finds the daemon through DOCKER_HOST and its settings in the environment.
 * Prints {@code SCENARIO OK} when every step worked; any failure ends the JVM with a stack trace.
 */
public final class TestcontainersScenario {
    private TestcontainersScenario() {}

    public static void main(String[] args) {
        assertThat(DockerClientFactory.instance().isDockerAvailable()).isTrue();
        try (var container = new GenericContainer<>("busybox:latest")
                .withEnv("GREETING", "hello from wharf")
                .withCommand("sh", "-c", "echo \"$GREETING\"; echo ready; exec sleep 600")
                .waitingFor(Wait.forLogMessage(".*ready.*\\n", 1))) {
            container.start();
            assertThat(container.isRunning()).isTrue();
            assertThat(container.getLogs()).contains("hello from wharf\nready\n");
            assertThat(container.getContainerInfo().getConfig().getEnv()).contains("GREETING=hello from wharf");
        }
        System.out.println("SCENARIO OK");
    }
}
