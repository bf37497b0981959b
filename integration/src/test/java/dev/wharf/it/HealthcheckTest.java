package dev.wharf.it;

import static dev.wharf.it.ContainerControlTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Healthchecks run as Docker runs them: probes are execs, State.Health keeps status, failing streak and
 * the last results, ps shows and filters the status, status changes are events. No timing is
 * asserted: every check polls until the status it waits for (ContainerControlTest.await).
 */
class HealthcheckTest extends EndToEndTest {

    @ParameterizedTest
    @ValueSource(strings = {"wharf", "docker"})
    void aPassingProbeMakesTheContainerHealthy(String client) {
        String name = "healthy-" + client;
        long since = Instant.now().getEpochSecond() - 1;
        ok(client, "run", "-d", "--name", name, "--health-cmd", "echo ok", "--health-interval", "1s",
                "busybox", "sleep", "300");
        assertThat(ok(client, "ps", "--filter", "name=" + name, "--format", "{{.Status}}"))
                .matches("Up .* \\((health: starting|healthy)\\)\n");

        await(() -> health(name).equals("healthy"));
        assertThat(ok(client, "ps", "--filter", "name=" + name, "--format", "{{.Status}}")).matches("Up .* \\(healthy\\)\n");
        assertThat(ok(client, "inspect", "-f", "{{.State.Health.FailingStreak}} {{(index .State.Health.Log 0).ExitCode}}"
                + " {{json (index .State.Health.Log 0).Output}}", name)).isEqualTo("0 0 \"ok\\n\"\n");
        assertThat(ok(client, "inspect", "-f", "{{json .Config.Healthcheck.Test}} {{.Config.Healthcheck.Interval}}", name))
                .isEqualTo("[\"CMD-SHELL\",\"echo ok\"] 1s\n");
        assertThat(ok(client, "inspect", "-f", "{{json (index .State.Health.Log 0).Start}}", name))
                .matches("\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d*[1-9])?Z\"\n"); // Go's RFC3339Nano
        assertThat(ok(client, "ps", "--filter", "health=healthy", "--format", "{{.Names}}").lines()).contains(name);
        assertThat(ok(client, "ps", "--filter", "health=none", "--format", "{{.Names}}").lines()).doesNotContain(name);

        assertThat(events(client, since, name, "health_status")).startsWith("health_status: healthy\n");
        // Each probe is an exec, with Docker's exec events.
        assertThat(events(client, since, name, "exec_create")).startsWith("exec_create: /bin/sh -c echo ok\n");
        assertThat(events(client, since, name, "exec_die")).startsWith("exec_die\n");
        ok(client, "rm", "-f", name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wharf", "docker"})
    void failuresInARowMakeItUnhealthy(String client) {
        String name = "sick-" + client;
        long since = Instant.now().getEpochSecond() - 1;
        ok(client, "run", "-d", "--name", name, "--health-cmd", "echo failing >&2; exit 3", "--health-interval", "1s",
                "--health-retries", "2", "busybox", "sleep", "300");

        await(() -> health(name).equals("unhealthy"));
        assertThat(Integer.parseInt(inspect(name, "{{.State.Health.FailingStreak}}"))).isGreaterThanOrEqualTo(2);
        assertThat(inspect(name, "{{(index .State.Health.Log 0).ExitCode}} {{json (index .State.Health.Log 0).Output}}"))
                .isEqualTo("3 \"failing\\n\"");
        assertThat(ok(client, "ps", "--filter", "name=" + name, "--format", "{{.Status}}")).matches("Up .* \\(unhealthy\\)\n");
        assertThat(ok(client, "ps", "--filter", "health=unhealthy", "--format", "{{.Names}}").lines()).contains(name);
        assertThat(events(client, since, name, "health_status")).isEqualTo("health_status: unhealthy\n");
        ok(client, "rm", "-f", name);
    }

    @Test
    void aProbeThatOutlivesItsTimeoutFails() {
        dockerOk("run", "-d", "--name", "slow", "--health-cmd", "sleep 30", "--health-interval", "1s",
                "--health-timeout", "500ms", "--health-retries", "1", "busybox", "sleep", "300");

        await(() -> health("slow").equals("unhealthy"));
        assertThat(inspect("slow", "{{(index .State.Health.Log 0).ExitCode}} {{(index .State.Health.Log 0).Output}}"))
                .isEqualTo("-1 Health check exceeded timeout (500ms)");
        wharfOk("rm", "-f", "slow");
    }

    @Test
    void failuresDuringTheStartPeriodDoNotCountButASuccessEndsIt() {
        wharfOk("run", "-d", "--name", "warming", "--health-cmd", "test -f /tmp/ready", "--health-interval", "1s",
                "--health-retries", "1", "--health-start-period", "10m", "--health-start-interval", "1s",
                "busybox", "sleep", "300");

        await(() -> inspect("warming", "{{len .State.Health.Log}}").equals("3"));
        assertThat(inspect("warming", "{{.State.Health.Status}} {{.State.Health.FailingStreak}}")).isEqualTo("starting 0");
        dockerOk("exec", "warming", "touch", "/tmp/ready");
        await(() -> health("warming").equals("healthy"));
        // Once healthy, the start period is over: one failure (retries 1) is unhealthy.
        dockerOk("exec", "warming", "rm", "/tmp/ready");
        await(() -> health("warming").equals("unhealthy"));
        wharfOk("rm", "-f", "warming");
    }

    @Test
    void theImagesHealthcheckRunsUnlessDisabled() throws Exception {
        Path context = Files.createDirectories(root.resolve("health-context"));
        CommandResult built = wharf.runWithInput("FROM busybox\nHEALTHCHECK --interval=1s CMD [\"true\"]\n"
                .getBytes(StandardCharsets.UTF_8), "build", "-f", "-", "-t", "checked", context.toString());
        assertThat(built.exitCode()).as(built.toString()).isZero();

        dockerOk("run", "-d", "--name", "disabled", "--no-healthcheck", "checked", "sleep", "300");
        wharfOk("run", "-d", "--name", "inherited", "checked", "sleep", "300");
        await(() -> health("inherited").equals("healthy"));
        assertThat(inspect("inherited", "{{json .Config.Healthcheck.Test}}")).isEqualTo("[\"CMD\",\"true\"]");
        assertThat(inspect("disabled", "{{json .Config.Healthcheck.Test}} {{if .State.Health}}probed{{else}}none{{end}}"))
                .isEqualTo("[\"NONE\"] none");
        assertThat(dockerOk("ps", "--filter", "health=none", "--format", "{{.Names}}").lines()).contains("disabled")
                .doesNotContain("inherited");
        assertThat(dockerOk("ps", "--filter", "name=disabled", "--format", "{{.Status}}")).matches("Up [^(]*\n");

        // commit --change takes HEALTHCHECK with the Dockerfile's flags.
        dockerOk("commit", "--change", "HEALTHCHECK --interval=1s --retries=1 CMD test -f /ready", "disabled",
                "rechecked");
        wharfOk("run", "-d", "--name", "recommitted", "rechecked", "sleep", "300");
        await(() -> health("recommitted").equals("unhealthy"));
        wharfOk("rm", "-f", "disabled", "inherited", "recommitted");
        wharfOk("rmi", "rechecked", "checked");
    }

    @Test
    void probingStopsWhilePausedAndStartsOverOnRestartAndAfterADaemonRestart() throws Exception {
        long since = Instant.now().getEpochSecond() - 1;
        wharfOk("run", "-d", "--name", "cycled", "--health-cmd", "true", "--health-interval", "1s", "busybox",
                "sleep", "300");
        await(() -> health("cycled").equals("healthy"));

        wharfOk("pause", "cycled");
        assertThat(dockerOk("ps", "--filter", "name=cycled", "--format", "{{.Status}}")).matches("Up .* \\(Paused\\)\n");
        Thread.sleep(2500); // room for probes that should not come
        wharfOk("unpause", "cycled");
        String actions = dockerOk("events", "--since", Long.toString(since), "--until", nextSecond(),
                "--filter", "container=cycled", "--format", "{{.Action}}");
        String whilePaused = actions.substring(actions.indexOf("\npause\n"), actions.indexOf("\nunpause\n"));
        assertThat(whilePaused).doesNotContain("exec_create");

        dockerOk("restart", "-t", "0", "cycled");
        await(() -> events("docker", since, "cycled", "health_status").equals(
                "health_status: healthy\nhealth_status: healthy\n"));

        daemon.stop();
        daemon.start();
        await(() -> health("cycled").equals("healthy"));
        assertThat(Integer.parseInt(inspect("cycled", "{{len .State.Health.Log}}"))).isBetween(2, 5);
        dockerOk("stop", "-t", "0", "cycled");
        // Docker keeps the last health of a stopped container.
        assertThat(inspect("cycled", "{{.State.Status}} {{.State.Health.Status}}")).isEqualTo("exited healthy");
        wharfOk("rm", "cycled");
    }

    @Test
    void healthcheckValuesAreCheckedAtCreate() {
        CommandResult bad = docker.run("run", "--health-cmd", "true", "--health-interval", "500us", "busybox", "true");
        assertThat(bad.exitCode()).isEqualTo(125);
        assertThat(bad.stderr()).contains("Interval in Healthcheck cannot be less than 1ms");
        CommandResult filter = docker.run("ps", "--filter", "health=sickly");
        assertThat(filter.exitCode()).isEqualTo(1);
        assertThat(filter.stderr()).contains("Unrecognised filter value for health: sickly");
    }

    private String health(String name) {
        return inspect(name, "{{if .State.Health}}{{.State.Health.Status}}{{end}}");
    }

    private String inspect(String name, String format) {
        return wharfOk("inspect", "-f", format, name).strip();
    }

    /** The actions of the container's events of one kind since {@code since}, oldest first. */
    private String events(String client, long since, String name, String event) {
        return ok(client, "events", "--since", Long.toString(since), "--until", nextSecond(), "--filter", "container=" + name,
                "--filter", "event=" + event, "--format", "{{.Action}}");
    }
}
