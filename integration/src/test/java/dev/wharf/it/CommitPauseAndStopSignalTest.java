package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.api.client.EngineClient;
import dev.wharf.api.client.EngineErrorException;
import dev.wharf.api.client.EngineHost;
import dev.wharf.api.client.HttpRequest;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Docker's commit freezes a running container while its layer is written (--pause, on by default)
 * and thaws it afterwards; a container paused by a client stays paused. An unknown stop signal is
 * moby's 500 for a running container and 304 for a stopped one.
 */
class CommitPauseAndStopSignalTest extends EndToEndTest {

    @ParameterizedTest
    @ValueSource(strings = {"wharf", "docker"})
    void commitPausesARunningContainerAndLeavesAPausedOnePaused(String client) {
        String name = "frozen-" + client;
        long since = Instant.now().getEpochSecond() - 1;
        ok(client, "run", "-d", "--name", name, "busybox", "sh", "-c", "echo state > /state; sleep 300");

        ok(client, "commit", name, "paused-commit-" + client);
        assertThat(inspect(name, "{{.State.Status}} {{.State.Paused}}")).isEqualTo("running false");
        ok(client, "commit", "--pause=false", name, "unpaused-commit-" + client);
        ok(client, "pause", name);
        ok(client, "commit", name, "paused-again-" + client);
        assertThat(inspect(name, "{{.State.Status}}")).isEqualTo("paused");
        ok(client, "unpause", name);

        // Frozen around the first commit only; the client's own pause outlives the third.
        assertThat(actions(client, since, name).stream().filter(a -> a.matches("pause|unpause|commit")))
                .containsExactly("pause", "commit", "unpause", "commit", "pause", "commit", "unpause");
        assertThat(ok(client, "run", "--rm", "paused-commit-" + client, "cat", "/state")).isEqualTo("state\n");
        ok(client, "rm", "-f", name);
        ok(client, "rmi", "paused-commit-" + client, "unpaused-commit-" + client, "paused-again-" + client);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wharf", "docker"})
    void anUnknownStopSignalIsAServerErrorOnlyForARunningContainer(String client) throws Exception {
        String name = "signalled-" + client;
        ok(client, "run", "-d", "--name", name, "busybox", "sleep", "300");

        CommandResult stop = cli(client).run("stop", "-s", "BOGUS", name);
        assertThat(stop.exitCode()).isEqualTo(1);
        assertThat(stop.stderr()).contains(
                "Error response from daemon: cannot stop container: " + name + ": Invalid signal: BOGUS");
        CommandResult restart = cli(client).run("restart", "-s", "BOGUS", name);
        assertThat(restart.exitCode()).isEqualTo(1);
        assertThat(restart.stderr()).contains("Cannot restart container " + name + ": Invalid signal: BOGUS");
        assertThat(inspect(name, "{{.State.Status}}")).isEqualTo("running");

        assertThat(status("/containers/" + name + "/stop?signal=BOGUS")).isEqualTo(500);
        assertThat(status("/containers/" + name + "/restart?signal=BOGUS")).isEqualTo(400);
        ok(client, "stop", "-t", "0", name);
        assertThat(status("/containers/" + name + "/stop?signal=BOGUS")).isEqualTo(304);
        ok(client, "rm", name);
    }

    private int status(String postPath) throws java.io.IOException {
        try (var reply = new EngineClient(EngineHost.parse(daemon.host())).exchange(HttpRequest.of("POST", postPath))) {
            return reply.status();
        } catch (EngineErrorException e) {
            return e.status();
        }
    }

    private String inspect(String name, String format) {
        return wharfOk("inspect", "-f", format, name).strip();
    }

    private java.util.List<String> actions(String client, long since, String name) {
        return ok(client, "events", "--since", Long.toString(since), "--until", nextSecond(),
                "--filter", "container=" + name,
                "--format", "{{.Action}}").lines().toList();
    }
}
