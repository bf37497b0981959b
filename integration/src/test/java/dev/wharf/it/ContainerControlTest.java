package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * stop, kill, restart, pause, unpause, wait, rename and start through both clients, with Docker's
 * output, exit codes and messages for the unhappy paths.
 */
class ContainerControlTest extends EndToEndTest {

    @Test
    void stopOfARunningThenOfAStoppedContainer() {
        for (Cli cli : new Cli[] {wharf, docker}) {
            String id = ok(cli, "run", "-d", "--name", "stopper", "busybox", "sleep", "300").strip();
            // sleep as PID 1 ignores SIGTERM: the -t 1 escalation to SIGKILL ends it.
            assertThat(ok(cli, "stop", "-t", "1", "stopper")).isEqualTo("stopper\n");
            assertThat(state(cli, "stopper")).isEqualTo("exited 137");
            // 304 from the daemon: docker prints the name and succeeds.
            assertThat(ok(cli, "stop", "stopper")).isEqualTo("stopper\n");
            assertThat(ok(cli, "start", "stopper", id.substring(0, 12))).isEqualTo("stopper\n" + id.substring(0, 12) + "\n");
            assertThat(ok(cli, "stop", "--signal", "KILL", "stopper")).isEqualTo("stopper\n");
            ok(cli, "rm", "stopper");
        }
    }

    @Test
    void stopUsesTheContainersStopSignal() {
        // The shell traps USR1 and exits 42: only a stop with that signal ends it before the timeout.
        dockerOk("run", "-d", "--name", "trapper", "--stop-signal", "USR1", "busybox", "sh", "-c",
                "trap 'exit 42' USR1; while true; do sleep 0.1; done");
        assertThat(dockerOk("stop", "trapper")).isEqualTo("trapper\n");
        assertThat(state(wharf, "trapper")).isEqualTo("exited 42");
        wharfOk("rm", "trapper");
    }

    @Test
    void killWithSignalsByNameAndNumberAndItsErrors() {
        for (Cli cli : new Cli[] {wharf, docker}) {
            String id = ok(cli, "run", "-d", "--name", "victim", "busybox", "sh", "-c",
                    "trap 'exit 10' USR1; while true; do sleep 0.1; done").strip();
            CommandResult unknown = cli.run("kill", "-s", "NOPE", "victim");
            assertThat(unknown.exitCode()).isEqualTo(1);
            assertThat(unknown.stderr()).contains("Error response from daemon: Cannot kill container: victim: Invalid signal: NOPE");
            assertThat(ok(cli, "kill", "-s", "SIGUSR1", "victim")).isEqualTo("victim\n");
            await(() -> state(cli, "victim").equals("exited 10"));

            CommandResult stopped = cli.run("kill", "victim");
            assertThat(stopped.exitCode()).isEqualTo(1);
            assertThat(stopped.stderr()).contains("Cannot kill container: victim: Container " + id + " is not running");

            ok(cli, "start", "victim");
            assertThat(ok(cli, "kill", "-s", "9", "victim")).isEqualTo("victim\n");
            // SIGKILL waits for the exit, as Docker's kill does.
            assertThat(state(cli, "victim")).isEqualTo("exited 137");
            ok(cli, "rm", "victim");
        }
    }

    @Test
    void severalContainersWithPerNameErrors() {
        for (Cli cli : new Cli[] {wharf, docker}) {
            ok(cli, "run", "-d", "--name", "one", "busybox", "sleep", "300");
            ok(cli, "run", "-d", "--name", "two", "busybox", "sleep", "300");
            CommandResult kill = cli.run("kill", "one", "missing", "two");
            assertThat(kill.exitCode()).isEqualTo(1);
            assertThat(kill.stdout()).isEqualTo("one\ntwo\n");
            assertThat(kill.stderr()).contains("No such container: missing");

            CommandResult start = cli.run("start", "one", "nothere", "two");
            assertThat(start.exitCode()).isEqualTo(1);
            assertThat(start.stdout()).isEqualTo("one\ntwo\n");
            assertThat(start.stderr()).contains("Error response from daemon: No such container: nothere")
                    .contains("Error: failed to start containers: nothere");

            CommandResult pause = cli.run("pause", "one", "two", "gone");
            assertThat(pause.exitCode()).isEqualTo(1);
            assertThat(pause.stdout()).isEqualTo("one\ntwo\n");
            CommandResult restart = cli.run("restart", "-t", "0", "one", "gone", "two");
            assertThat(restart.exitCode()).isEqualTo(1);
            assertThat(restart.stdout()).isEqualTo("one\ntwo\n");
            assertThat(state(cli, "one")).isEqualTo("running 0");

            CommandResult stop = cli.run("stop", "-t", "0", "one", "two", "gone");
            assertThat(stop.stdout()).isEqualTo("one\ntwo\n");
            assertThat(stop.stderr()).contains("No such container: gone");
            CommandResult rm = cli.run("rm", "one", "gone", "two");
            assertThat(rm.exitCode()).isEqualTo(1);
            assertThat(rm.stdout()).isEqualTo("one\ntwo\n");
        }
    }

    @Test
    void pauseAndUnpause() {
        for (Cli cli : new Cli[] {wharf, docker}) {
            String id = ok(cli, "run", "-d", "--name", "frozen", "busybox", "sleep", "300").strip();
            assertThat(ok(cli, "pause", "frozen")).isEqualTo("frozen\n");
            assertThat(ok(cli, "inspect", "-f", "{{.State.Status}} {{.State.Paused}} {{.State.Running}}", "frozen").strip())
                    .isEqualTo("paused true true");
            assertThat(ok(cli, "ps", "--filter", "name=frozen")).contains("(Paused)");
            CommandResult again = cli.run("pause", "frozen");
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.stderr()).contains("Container " + id + " is already paused");
            CommandResult start = cli.run("start", "frozen");
            assertThat(start.stderr()).contains("cannot start a paused container, try unpause instead");

            assertThat(ok(cli, "unpause", "frozen")).isEqualTo("frozen\n");
            assertThat(state(cli, "frozen")).isEqualTo("running 0");
            CommandResult notPaused = cli.run("unpause", "frozen");
            assertThat(notPaused.exitCode()).isEqualTo(1);
            assertThat(notPaused.stderr()).contains("Container " + id + " is not paused");

            ok(cli, "pause", "frozen");
            // A stop thaws a paused container so that its signal lands.
            assertThat(ok(cli, "stop", "-t", "1", "frozen")).isEqualTo("frozen\n");
            assertThat(state(cli, "frozen")).isEqualTo("exited 137");
            CommandResult stopped = cli.run("pause", "frozen");
            assertThat(stopped.exitCode()).isEqualTo(1);
            assertThat(stopped.stderr()).contains("Container " + id + " is not running");
            ok(cli, "rm", "frozen");
        }
    }

    @Test
    void renameAndItsConflicts() {
        for (Cli cli : new Cli[] {wharf, docker}) {
            // wharf has no create (yet): the containers come from docker, the renames from both clients.
            String id = dockerOk("create", "--name", "before", "busybox", "true").strip();
            String other = dockerOk("create", "--name", "taken", "busybox", "true").strip();
            assertThat(ok(cli, "rename", "before", "after")).isEmpty();
            assertThat(ok(cli, "inspect", "-f", "{{.Name}} {{.Id}}", "after").strip()).isEqualTo("/after " + id);
            assertThat(cli.run("inspect", "before").exitCode()).isNotZero();

            CommandResult conflict = cli.run("rename", "after", "taken");
            assertThat(conflict.exitCode()).isEqualTo(1);
            assertThat(conflict.stderr()).contains("Error when allocating new name: Conflict. The container name \"/taken\""
                    + " is already in use by container \"" + other + "\"");
            CommandResult same = cli.run("rename", "after", "after");
            assertThat(same.stderr()).contains("Renaming a container with the same name as its current name");
            CommandResult invalid = cli.run("rename", "after", "no way");
            assertThat(invalid.stderr()).contains("Invalid container name (no way)");
            // the old name is free again
            dockerOk("create", "--name", "before", "busybox", "true");
            ok(cli, "rm", "before", "after", "taken");
        }
    }

    @Test
    void waitConditions() throws Exception {
        dockerOk("create", "--name", "waited", "busybox", "sh", "-c", "exit 4");
        // not-running: a created container is not running, so the wait ends at once with 0.
        assertThat(dockerOk("wait", "waited").strip()).isEqualTo("0");
        wharfOk("start", "waited");
        await(() -> state(wharf, "waited").equals("exited 4"));
        assertThat(wharfOk("wait", "waited").strip()).isEqualTo("4");

        wharfOk("run", "-d", "--name", "waiting", "busybox", "sh", "-c", "sleep 1; exit 3");
        assertThat(dockerOk("wait", "waiting").strip()).isEqualTo("3");
        CommandResult missing = docker.run("wait", "nosuch");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).contains("No such container: nosuch");
        wharfOk("rm", "waited", "waiting");
    }

    private String state(Cli cli, String name) {
        return ok(cli, "inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", name).strip();
    }

    private static String ok(Cli cli, String... args) {
        CommandResult result = cli.run(args);
        assertThat(result.exitCode()).as("%s\n%s", String.join(" ", args), result).isZero();
        return result.stdout();
    }

    static void await(Supplier<Boolean> condition) {
        for (int i = 0; i < 600; i++) {
            if (condition.get()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("condition not met within 60 s");
    }
}
