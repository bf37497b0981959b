package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Base of the end-to-end tests: one real wharfd per test class on a temporary socket and data root,
 * our CLI and the real docker CLI pointed at it. Afterwards every container is removed, the daemon
 * stopped, and the class fails if anything is left: mounts, processes, cgroups.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "dev.wharf.it.TestEnvironment#isRoot", disabledReason = "containers need root")
abstract class EndToEndTest {
    protected Path root;
    protected WharfdProcess daemon;
    protected Cli wharf;
    protected Cli docker;

    @BeforeAll
    void startDaemon() throws Exception {
        root = Files.createTempDirectory("wharf-it-");
        Files.createDirectories(root.resolve("docker-config"));
        daemon = new WharfdProcess(root);
        daemon.addFlags(daemonFlags().toArray(String[]::new));
        daemon.start();
        wharf = Cli.wharf(daemon.host());
        docker = Cli.docker(daemon.host(), root.resolve("docker-config"));
    }

    /** More flags for this class's daemon. */
    protected List<String> daemonFlags() throws IOException {
        return List.of();
    }

    @AfterAll
    void stopDaemonAndCheckNothingIsLeft() throws Exception {
        try {
            CommandResult ids = wharf.run("ps", "-aq");
            for (String id : ids.stdout().lines().filter(l -> !l.isBlank()).toList()) {
                wharf.run("rm", "-f", id);
            }
            daemon.stop();
            List<String> left = new ArrayList<>(Leftovers.find(root, daemon.cgroupParent()));
            left.addAll(Leftovers.bundles(daemon.execRoot().resolve("runtime")));
            left.addAll(daemon.network().leftovers(daemon.execRoot()));
            assertThat(left).as("left behind by %s; daemon log:\n%s", getClass().getSimpleName(), daemon.log())
                    .isEmpty();
            Leftovers.removeParentCgroups(daemon.cgroupParent());
        } finally {
            deleteTree(root);
        }
    }

    /** Runs our CLI and expects success. */
    protected String wharfOk(String... args) {
        CommandResult result = wharf.run(args);
        assertThat(result.exitCode()).as("wharf %s\n%s", String.join(" ", args), result).isZero();
        return result.stdout();
    }

    protected String dockerOk(String... args) {
        CommandResult result = docker.run(args);
        assertThat(result.exitCode()).as("docker %s\n%s", String.join(" ", args), result).isZero();
        return result.stdout();
    }

    /** The client a parameterized test names: "wharf" or "docker". */
    protected Cli cli(String client) {
        return client.equals("wharf") ? wharf : docker;
    }

    /** Runs the named client and expects success. */
    protected String ok(String client, String... args) {
        return client.equals("wharf") ? wharfOk(args) : dockerOk(args);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        if (!Leftovers.mountsUnder(dir).isEmpty()) {
            return; // still mounted: deleting would reach into a container's rootfs
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * An {@code events --until} that includes the events of this very second: the clients round "0s"
     * down to whole seconds, so events of the current second would be missed.
     */
    static String nextSecond() {
        return Long.toString(java.time.Instant.now().getEpochSecond() + 1);
    }
}
