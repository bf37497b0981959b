package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.MountableFile;

/**
 * What a Testcontainers user writes, run in its own JVM by {@link TestcontainersTest} so that, as for
 * a user, Testcontainers finds the daemon through DOCKER_HOST and its settings in the environment:
 * an image built by wharfd from a Dockerfile (busybox httpd on port 80), one container waited for with
 * {@code Wait.forListeningPort()} (docker-java's exec of a /proc/net/tcp check plus a TCP connect to
 * the mapped port) and one with {@code Wait.forHttp("/")}, their logs, {@code execInContainer},
 * {@code copyFileToContainer} and HTTP from this JVM to 127.0.0.1 on the mapped port; the second one on
 * a Testcontainers {@code Network}, where another container reaches it by its network alias.
 * Prints {@code SCENARIO OK} when every step worked; any failure ends the JVM with a stack trace.
 */
public final class TestcontainersScenario {
    private static final String DOCKERFILE = """
            FROM busybox:latest
            RUN mkdir -p /www && echo 'served by wharf' > /www/index.html
            EXPOSE 80
            CMD ["sh", "-c", "echo \\"httpd up as $ROLE\\"; exec httpd -f -v -p 80 -h /www"]
            """;

    private TestcontainersScenario() {}

    public static void main(String[] args) throws Exception {
        assertThat(DockerClientFactory.instance().isDockerAvailable()).isTrue();
        assertThat(DockerClientFactory.instance().getInfo().getServerVersion()).isNotBlank();
        var image = new ImageFromDockerfile("wharf-tc/httpd:1", false).withFileFromString("Dockerfile", DOCKERFILE);
        try (var web = new GenericContainer<>(image)
                .withEnv("ROLE", "web")
                .withExposedPorts(80)
                .waitingFor(Wait.forListeningPort())) {
            web.start();
            assertThat(web.isRunning()).isTrue();
            int port = web.getMappedPort(80);
            assertThat(web.getHost()).isEqualTo("localhost");
            assertThat(get(port, "/")).isEqualTo("served by wharf\n");
            assertThat(web.getLogs()).contains("httpd up as web");
            // forListeningPort's check inside the container (its first alternative) succeeds on its own
            assertThat(web.execInContainer("/bin/sh", "-c", "grep -i ':0*50' /proc/net/tcp*").getExitCode()).isZero();

            var exec = web.execInContainer("sh", "-c", "echo to-stdout; echo to-stderr >&2; exit 3");
            assertThat(exec.getExitCode()).isEqualTo(3);
            assertThat(exec.getStdout()).isEqualTo("to-stdout\n");
            assertThat(exec.getStderr()).isEqualTo("to-stderr\n");

            Path local = Files.createTempFile("wharf-tc-", ".html");
            try {
                Files.writeString(local, "copied in by testcontainers\n");
                web.copyFileToContainer(MountableFile.forHostPath(local), "/www/copied.html");
            } finally {
                Files.delete(local);
            }
            var cat = web.execInContainer("cat", "/www/copied.html");
            assertThat(cat.getExitCode()).isZero();
            assertThat(cat.getStdout()).isEqualTo("copied in by testcontainers\n");
            assertThat(get(port, "/copied.html")).isEqualTo("copied in by testcontainers\n");
            assertThat(web.getContainerInfo().getConfig().getEnv()).contains("ROLE=web");
        }
        try (Network network = Network.newNetwork();
                var other = new GenericContainer<>(image.get())
                        .withEnv("ROLE", "other")
                        .withExposedPorts(80)
                        .withNetwork(network)
                        .withNetworkAliases("peer")
                        .withCopyToContainer(Transferable.of("before start\n"), "/www/early.html")
                        .waitingFor(Wait.forHttp("/").forStatusCode(200));
                var client = new GenericContainer<>("busybox:latest")
                        .withNetwork(network)
                        .withCommand("sleep", "600")) {
            other.start();
            assertThat(get(other.getMappedPort(80), "/early.html")).isEqualTo("before start\n");
            assertThat(other.getLogs()).contains("httpd up as other");
            client.start();
            // the network's alias, resolved by wharfd's DNS server for that network
            var fetched = client.execInContainer("wget", "-q", "-O", "-", "http://peer/early.html");
            assertThat(fetched.getStdout()).as(fetched.getStderr()).isEqualTo("before start\n");
        }
        DockerClientFactory.instance().client().removeImageCmd(image.get()).exec();
        System.out.println("SCENARIO OK");
    }

    /** A GET to the mapped port on loopback, where Testcontainers' "localhost" host points. */
    private static String get(int port, String path) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> reply = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(reply.statusCode()).as("GET %s", path).isEqualTo(200);
            return reply.body();
        }
    }
}
