package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Debian's docker-compose 1.29 against wharfd: a busybox httpd service {@code web} and a {@code client}
 * that fetches {@code http://web/} by service name, both on a user-defined network, with a named volume,
 * environment, depends_on and a port published on 127.0.0.1; through up -d, ps, logs, port, exec (with
 * and without a terminal), HTTP from the test to the published port, and down -v, after which nothing
 * of the project is left: containers, network, bridge, veths, iptables rules, volume. Images are local
 * (the built-in busybox), so compose pulls nothing.
 */
class ComposeTest extends EndToEndTest {
    private static final String PROJECT = "wharfcompose";
    private static final String COMPOSE_FILE = """
            version: "3.8"
            services:
              web:
                image: busybox:latest
                environment:
                  GREETING: hello from web
                command: sh -c 'mkdir -p /www && echo "$$GREETING" > /www/index.html && echo "kept in a volume" > /data/item && echo web ready && exec httpd -f -p 80 -h /www'
                volumes:
                  - items:/data
                ports:
                  - "127.0.0.1::80"
                networks:
                  - back
              client:
                image: busybox:latest
                depends_on:
                  - web
                command: sh -c 'until wget -q -O /tmp/page http://web/; do sleep 0.2; done; echo "client got $$(cat /tmp/page)"; exec sleep 600'
                volumes:
                  - items:/data:ro
                networks:
                  - back
            networks:
              back:
            volumes:
              items:
            """;

    @Test
    void twoServicesOnANetworkWithAVolumeAndAPublishedPort() throws Exception {
        Path file = Files.writeString(Files.createDirectories(root.resolve("compose")).resolve("docker-compose.yml"),
                COMPOSE_FILE);
        Cli compose = Cli.compose(daemon.host(), root.resolve("docker-config"), file, PROJECT);
        List<String> veths;
        String bridge;
        try {
            CommandResult up = compose.run("up", "-d");
            assertThat(up.exitCode()).as("%s\n%s", up, daemon.log()).isZero();
            assertThat(up.stderr()).doesNotContain("Pulling")
                    .contains("Creating network \"" + PROJECT + "_back\"")
                    .contains("Creating volume \"" + PROJECT + "_items\"");
            // depends_on: web is created and started before client
            assertThat(up.stderr().indexOf(PROJECT + "_web_1")).isLessThan(up.stderr().indexOf(PROJECT + "_client_1"));

            String ps = ok(compose, "ps");
            assertThat(ps).contains(PROJECT + "_web_1").contains(PROJECT + "_client_1").contains("Up")
                    .contains("127.0.0.1:").contains("->80/tcp");
            assertThat(awaitLogs(compose, "web", "web ready")).contains("web ready");
            assertThat(awaitLogs(compose, "client", "client got hello from web")).contains("client got hello from web");

            String published = ok(compose, "port", "web", "80").strip();
            assertThat(published).startsWith("127.0.0.1:");
            assertThat(get(published)).isEqualTo("hello from web\n");

            CommandResult exec = compose.run("exec", "-T", "client", "sh", "-c",
                    "cat /data/item; echo \"$HOSTNAME\" >&2; exit 3");
            assertThat(exec.exitCode()).as(exec.toString()).isEqualTo(3);
            // compose's exec (dockerpty, with COMPOSE_INTERACTIVE_NO_CLI) writes both streams to its stdout
            assertThat(exec.stdout()).startsWith("kept in a volume\n").contains(
                    dockerOk("ps", "-q", "--filter", "label=com.docker.compose.service=client").strip());
            try (PtySession session = compose.inPty("exec", "web", "sh")) {
                session.expect("# ").type("tty; echo \"$GREETING\"; exit 4\r").expect("/dev/pts/").expect("hello from web");
                assertThat(session.exitCode()).as(session.screen()).isEqualTo(4);
            }

            String network = dockerOk("network", "ls", "-q", "--no-trunc", "--filter",
                    "label=com.docker.compose.project=" + PROJECT).strip();
            assertThat(network).hasSize(64);
            bridge = "br-" + network.substring(0, 12);
            veths = ports(bridge);
            assertThat(veths).hasSize(2);
            assertThat(dockerOk("volume", "inspect", "-f", "{{index .Labels \"com.docker.compose.project\"}}",
                    PROJECT + "_items")).isEqualTo(PROJECT + "\n");
        } finally {
            CommandResult down = compose.run("down", "-v");
            assertThat(down.exitCode()).as(down.toString()).isZero();
        }
        assertThat(dockerOk("ps", "-aq")).isEmpty();
        assertThat(dockerOk("network", "ls", "--format", "{{.Name}}")).doesNotContain(PROJECT);
        assertThat(dockerOk("volume", "ls", "-q")).doesNotContain(PROJECT);
        assertThat(Path.of("/sys/class/net", bridge)).doesNotExist();
        veths.forEach(veth -> assertThat(Path.of("/sys/class/net", veth)).doesNotExist());
        assertThat(TestNetwork.run("iptables-save").lines()
                .filter(line -> line.contains(daemon.network().poolPrefix()) || line.contains(bridge))).isEmpty();
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

    /** The interfaces enslaved to the bridge: the host ends of the services' veths. */
    private static List<String> ports(String bridge) throws IOException {
        try (Stream<Path> ports = Files.list(Path.of("/sys/class/net", bridge, "brif"))) {
            return new ArrayList<>(ports.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** A GET to the published {@code 127.0.0.1:port}, which is routed over loopback. */
    private static String get(String hostAndPort) throws IOException, InterruptedException {
        assertThat(TestNetwork.run("ip", "route", "get", "127.0.0.1")).contains("dev lo");
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create("http://" + hostAndPort + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).isEqualTo(200);
            return reply.body();
        }
    }
}
