package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * What a Testcontainers user writes to build an image: {@link ImageFromDockerfile} with a Dockerfile and
 * files given as strings and paths, a build arg, then a GenericContainer of the result. Run in its own
 * JVM by {@link TestcontainersTest}; prints {@code SCENARIO OK} when every step worked.
 */
public final class TestcontainersBuildScenario {
    private TestcontainersBuildScenario() {}

    public static void main(String[] args) throws Exception {
        Path file = Files.createTempFile("tc-build-", ".txt");
        Files.writeString(file, "from a path\n");
        try {
            ImageFromDockerfile image = new ImageFromDockerfile("localhost/wharf-tc-built:1", false)
                    .withFileFromString("Dockerfile", """
                            FROM busybox
                            ARG GREETING=unset
                            ENV GREETING=$GREETING
                            COPY message.txt /message.txt
                            COPY data/path.txt /data/path.txt
                            RUN echo "run saw $GREETING" > /run.txt
                            CMD ["sh", "-c", "cat /message.txt /data/path.txt /run.txt; echo env=$GREETING"]
                            """)
                    .withFileFromString("message.txt", "from a string\n")
                    .withFileFromPath("data/path.txt", file)
                    .withBuildArg("GREETING", "hello-arg");
            String name = image.get();
            assertThat(name).isEqualTo("localhost/wharf-tc-built:1");
            try (var container = new GenericContainer<>(image)
                    .withStartupCheckStrategy(new OneShotStartupCheckStrategy())) {
                container.start();
                assertThat(container.getLogs())
                        .isEqualTo("from a string\nfrom a path\nrun saw hello-arg\nenv=hello-arg\n");
            }
            DockerClient client = DockerClientFactory.instance().client();
            var inspect = client.inspectImageCmd(name).exec();
            assertThat(inspect.getConfig().getLabels()).containsEntry("org.testcontainers", "true");
            client.removeImageCmd(name).exec();
        } finally {
            Files.delete(file);
        }
        System.out.println("SCENARIO OK");
    }
}
