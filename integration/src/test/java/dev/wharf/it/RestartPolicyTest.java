package dev.wharf.it;

import static dev.wharf.it.ContainerControlTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Restart policies with Docker's semantics: on-failure counts its restarts, always and unless-stopped
 * come back after an exit and after a daemon restart, unless-stopped not once stopped by hand.
 */
class RestartPolicyTest extends EndToEndTest {

    @Test
    void onFailureRestartsUpToItsLimit() {
        long since = Instant.now().getEpochSecond() - 1;
        dockerOk("run", "-d", "--name", "flaky", "--restart", "on-failure:2", "busybox", "sh", "-c", "exit 3");
        await(() -> inspect("flaky", "{{.RestartCount}} {{.State.Status}}").equals("2 exited"));
        assertThat(inspect("flaky", "{{.State.ExitCode}} {{.HostConfig.RestartPolicy.Name}}"
                + " {{.HostConfig.RestartPolicy.MaximumRetryCount}}")).isEqualTo("3 on-failure 2");
        String events = dockerOk("events", "--since", Long.toString(since), "--until", nextSecond(),
                "--filter", "container=flaky", "--format", "{{.Action}}");
        assertThat(events.lines().filter("start"::equals).count()).isEqualTo(3);
        assertThat(events.lines().filter("die"::equals).count()).isEqualTo(3);

        // A start by a client starts the count over.
        wharfOk("start", "flaky");
        await(() -> inspect("flaky", "{{.RestartCount}} {{.State.Status}}").equals("2 exited"));
        wharfOk("rm", "flaky");
    }

    @Test
    void onFailureLeavesASuccessfulExitAlone() {
        wharfOk("run", "-d", "--name", "fine", "--restart", "on-failure", "busybox", "true");
        await(() -> inspect("fine", "{{.State.Status}}").equals("exited"));
        assertThat(inspect("fine", "{{.RestartCount}}")).isEqualTo("0");
        wharfOk("rm", "fine");
    }

    @Test
    void unlessStoppedComesBackUntilStopped() {
        wharfOk("run", "-d", "--name", "phoenix", "--restart", "unless-stopped", "busybox", "sh", "-c", "sleep 0.3; exit 1");
        await(() -> Integer.parseInt(inspect("phoenix", "{{.RestartCount}}")) >= 2);
        assertThat(dockerOk("stop", "-t", "1", "phoenix")).isEqualTo("phoenix\n");
        await(() -> inspect("phoenix", "{{.State.Status}}").equals("exited"));
        String count = inspect("phoenix", "{{.RestartCount}}");
        // Stopped by hand: no more restarts, even across a daemon restart.
        restartDaemon();
        assertThat(inspect("phoenix", "{{.State.Status}} {{.RestartCount}}")).isEqualTo("exited " + count);
        wharfOk("rm", "phoenix");
    }

    @Test
    void alwaysSurvivesADaemonRestartAndADeathMeanwhile() throws Exception {
        wharfOk("run", "-d", "--name", "keeper", "--restart", "always", "busybox", "sleep", "300");
        dockerOk("run", "-d", "--name", "parked", "--restart", "unless-stopped", "busybox", "sleep", "300");
        dockerOk("stop", "-t", "0", "parked");
        int pid = Integer.parseInt(inspect("keeper", "{{.State.Pid}}"));

        daemon.stop();
        // The container dies while no daemon watches: conmon records it, the next daemon restarts it.
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        await(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        daemon.start();

        await(() -> inspect("keeper", "{{.State.Status}}").equals("running"));
        assertThat(Integer.parseInt(inspect("keeper", "{{.State.Pid}}"))).isNotEqualTo(pid);
        assertThat(inspect("parked", "{{.State.Status}}")).isEqualTo("exited");
        // A kill is a stop by hand: Docker's restart manager gives up on the container.
        assertThat(dockerOk("kill", "keeper")).isEqualTo("keeper\n");
        assertThat(inspect("keeper", "{{.State.Status}} {{.State.ExitCode}}")).isEqualTo("exited 137");
        wharfOk("rm", "-f", "keeper", "parked");
    }

    @Test
    void restartWithRemoveIsRefused() {
        CommandResult viaDocker = docker.run("run", "--rm", "--restart", "always", "busybox", "true");
        assertThat(viaDocker.exitCode()).isEqualTo(125);
        assertThat(viaDocker.stderr()).contains("conflicting options: cannot specify both --restart and --rm");
        CommandResult viaWharf = wharf.run("run", "--rm", "--restart", "always", "busybox", "true");
        assertThat(viaWharf.exitCode()).isEqualTo(125);
        assertThat(viaWharf.stderr()).contains("conflicting options: cannot specify both --restart and --rm");
        CommandResult unknown = docker.run("run", "--restart", "sometimes", "busybox", "true");
        assertThat(unknown.exitCode()).isEqualTo(125);
        assertThat(unknown.stderr()).contains("invalid restart policy: unknown policy 'sometimes'; use one of"
                + " 'no', 'always', 'on-failure', or 'unless-stopped'");
        assertThat(dockerOk("ps", "-aq")).isBlank();
    }

    private String inspect(String name, String format) {
        return wharfOk("inspect", "-f", format, name).strip();
    }

    private void restartDaemon() {
        try {
            daemon.stop();
            daemon.start();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
