package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The containers of RUN steps as dockerd's classic builder makes them: on the default bridge, kept with --rm=false. */
class BuildRunContainersTest extends EndToEndTest {

    private Path context(String name, String dockerfile) throws IOException {
        Path dir = Files.createDirectories(root.resolve("contexts").resolve(name));
        Files.writeString(dir.resolve("Dockerfile"), dockerfile);
        return dir;
    }

    /** The veths on this daemon's default bridge right now. */
    private List<String> bridgePorts() throws IOException {
        Path ports = Path.of("/sys/class/net", daemon.network().bridge(), "brif");
        if (!Files.isDirectory(ports)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(ports)) {
            return list.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void runStepsGetTheDefaultBridgeAndLeaveIt() throws IOException {
        Path ctx = context("bridge", """
                FROM busybox
                RUN ip -4 -o addr show eth0 > /addr.txt && ip route > /route.txt && cat /etc/resolv.conf > /dns.txt \
                    && grep "$(hostname)" /etc/hosts > /hosts.txt
                """);
        for (String client : List.of("wharf", "docker")) {
            for (String network : List.of("default", "bridge")) {
                ok(client, "build", "--no-cache", "--network", network, "-t", "net-img", ctx.toString());
                String prefix = daemon.network().bridgePrefix();
                String address = dockerOk("run", "--rm", "--network", "none", "net-img", "cat", "/addr.txt");
                assertThat(address).as(client + " " + network).contains("eth0", "inet " + prefix);
                assertThat(dockerOk("run", "--rm", "--network", "none", "net-img", "cat", "/route.txt"))
                        .contains("default via " + prefix + "1 dev eth0");
                assertThat(dockerOk("run", "--rm", "--network", "none", "net-img", "cat", "/dns.txt")).contains("nameserver");
                String ip = address.substring(address.indexOf("inet ") + 5, address.indexOf('/'));
                assertThat(dockerOk("run", "--rm", "--network", "none", "net-img", "cat", "/hosts.txt")).startsWith(ip);
                assertThat(bridgePorts()).as("veths left on the bridge").isEmpty();
                assertThat(dockerOk("network", "inspect", "-f", "{{len .Containers}}", "bridge").strip()).isEqualTo("0");
            }
        }
    }

    @Test
    void networkNoneGivesRunOnlyLoopback() throws IOException {
        Path ctx = context("none", """
                FROM busybox
                RUN ls /sys/class/net > /interfaces.txt
                """);
        dockerOk("build", "--no-cache", "--network", "none", "-t", "none-img", ctx.toString());
        assertThat(dockerOk("run", "--rm", "--network", "none", "none-img", "cat", "/interfaces.txt")).isEqualTo("lo\n");
    }

    @Test
    void rmFalseKeepsTheContainersOfSuccessfulSteps() throws IOException {
        Path ctx = context("keep", """
                FROM busybox
                RUN echo one > /one.txt
                ENV STEP=two
                RUN echo two > /two.txt
                """);
        for (String client : List.of("wharf", "docker")) {
            String output = ok(client, "build", "--no-cache", "--rm=false", "-t", "keep-img", ctx.toString());
            assertThat(output).as(client).doesNotContain("Removing intermediate container");
            List<String> ids = runningIn(output);
            assertThat(ids).hasSize(3);
            // as dockerd: the RUN steps' containers exited, the ENV step's created and never started
            for (String id : List.of(ids.get(0), ids.get(2))) {
                assertThat(dockerOk("ps", "-a", "--no-trunc", "--filter", "id=" + id, "--format", "{{.Status}} {{.Command}}"))
                        .startsWith("Exited (0)").contains("echo");
            }
            assertThat(dockerOk("ps", "-a", "--filter", "id=" + ids.get(1), "--format", "{{.Status}}")).isEqualTo("Created\n");
            for (String id : ids) {
                dockerOk("rm", id);
            }

            String removed = ok(client, "build", "--no-cache", "-t", "keep-img", ctx.toString());
            assertThat(removed.lines().filter(l -> l.startsWith("Removing intermediate container")).count()).isEqualTo(3);
            for (String id : runningIn(removed)) {
                assertThat(dockerOk("ps", "-a", "-q", "--filter", "id=" + id)).isEmpty();
            }
        }
    }

    private static List<String> runningIn(String output) {
        return output.lines().filter(l -> l.startsWith(" ---> Running in "))
                .map(l -> l.substring(" ---> Running in ".length()).strip()).toList();
    }
}
