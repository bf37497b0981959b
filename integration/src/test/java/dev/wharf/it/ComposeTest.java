package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Debian's docker-compose 1.29 against wharfd: two services with a named volume, environment and
 * depends_on, through up -d, ps, logs and down -v. Images are local (the built-in busybox), so compose
 * pulls nothing. The services use network_mode none: user-defined networks, published ports and exec
 * are not part of this check yet (see the issue notes).
 */
class ComposeTest extends EndToEndTest {
    private static final String PROJECT = "wharfcompose";
    private static final String COMPOSE_FILE = """
            version: "3.8"
            services:
              store:
                image: busybox:latest
                network_mode: none
                environment:
                  ROLE: store
                command: sh -c 'echo "$$ROLE ready"; echo "kept in a volume" > /data/item; exec sleep 600'
                volumes:
                  - items:/data
              reader:
                image: busybox:latest
                network_mode: none
                depends_on:
                  - store
                command: sh -c 'while [ ! -s /data/item ]; do sleep 0.1; done; cat /data/item; exec sleep 600'
                volumes:
                  - items:/data:ro
            volumes:
              items:
            """;

    @Test
    void upPsLogsAndDownWithVolumes() throws Exception {
        Path file = Files.writeString(Files.createDirectories(root.resolve("compose")).resolve("docker-compose.yml"),
                COMPOSE_FILE);
        Cli compose = Cli.compose(daemon.host(), root.resolve("docker-config"), file, PROJECT);
        try {
            CommandResult up = compose.run("up", "-d");
            assertThat(up.exitCode()).as("%s\n%s", up, daemon.log()).isZero();
            assertThat(up.stderr()).doesNotContain("Pulling")
                    .contains("Creating volume \"" + PROJECT + "_items\"");
            // depends_on: store is created and started before reader
            assertThat(up.stderr().indexOf(PROJECT + "_store_1")).isLessThan(up.stderr().indexOf(PROJECT + "_reader_1"));

            String ps = ok(compose, "ps");
            assertThat(ps).contains(PROJECT + "_store_1").contains(PROJECT + "_reader_1").contains("Up");
            assertThat(awaitLogs(compose, "store", "store ready")).contains("store ready");
            assertThat(awaitLogs(compose, "reader", "kept in a volume")).contains("kept in a volume");
            assertThat(dockerOk("volume", "inspect", "-f", "{{index .Labels \"com.docker.compose.project\"}}",
                    PROJECT + "_items")).isEqualTo(PROJECT + "\n");
        } finally {
            CommandResult down = compose.run("down", "-v");
            assertThat(down.exitCode()).as(down.toString()).isZero();
        }
        assertThat(dockerOk("ps", "-aq")).isEmpty();
        assertThat(dockerOk("volume", "ls", "-q")).doesNotContain(PROJECT);
    }

    private static String ok(Cli compose, String... args) {
        CommandResult result = compose.run(args);
        assertThat(result.exitCode()).as("docker-compose %s\n%s", String.join(" ", args), result).isZero();
        return result.stdout();
    }

    /** The service's logs once they contain {@code text} (the service writes it right after starting). */
    private static String awaitLogs(Cli compose, String service, String text) throws InterruptedException {
        String logs = "";
        for (int i = 0; i < 100 && !logs.contains(text); i++) {
            Thread.sleep(100);
            logs = compose.run("logs", "--no-color", service).stdout();
        }
        return logs;
    }
}
