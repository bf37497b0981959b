package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Interactive sessions through a pseudo-terminal, with both CLIs: run -it, detach and re-attach,
 * detach keys, resizes, -a, start -a -i and the signal proxy.
 */
class InteractiveTest extends EndToEndTest {
    private static final String CTRL_P_CTRL_Q = "\u0010\u0011";

    @Test
    void runItGivesAPromptRunsTypedCommandsAndExitsWithTheShellsCode() throws Exception {
        for (Cli cli : new Cli[] {wharf, docker}) {
            try (PtySession session = cli.inPty("run", "-it", "--rm", "busybox", "sh")) {
                session.expect("/ # ").type("echo hi-$((6*7))\r").expect("hi-42").expect("/ # ");
                session.type("stty size\r").expect("40 100");
                session.type("exit 5\r");
                assertThat(session.exitCode()).as(session.screen()).isEqualTo(5);
            }
        }
    }

    @Test
    void resizingTheTerminalResizesTheContainersTty() throws Exception {
        for (Cli cli : new Cli[] {wharf, docker}) {
            try (PtySession session = cli.inPty("run", "-it", "--rm", "busybox", "sh")) {
                session.expect("/ # ");
                session.resize(33, 77);
                // the CLI sends the new size when SIGWINCH reaches it: ask until the container's tty has it. A
                // resize right after the first prompt was lost twice in whole-suite runs (not reproduced alone):
                // every 20 asks the window changes again, so the test checks resizing, not that one race.
                for (int attempt = 0; attempt < 60 && !session.screen().contains("33 77"); attempt++) {
                    if (attempt > 0 && attempt % 20 == 0) {
                        session.resize(33, 78);
                        session.resize(33, 77);
                    }
                    session.type("stty size\r");
                    Thread.sleep(500);
                }
                session.expect("33 77");
                session.type("exit\r");
                assertThat(session.exitCode()).isZero();
            }
        }
    }

    @Test
    void detachWithCtrlPCtrlQAndAttachAgain() throws Exception {
        try (PtySession session = wharf.inPty("run", "-it", "--name", "detachable", "busybox", "sh")) {
            session.expect("/ # ").type("export MARK=kept\r").expect("/ # ");
            session.type(CTRL_P_CTRL_Q);
            assertThat(session.exitCode()).as(session.screen()).isZero(); // docker run: detaching is no error
        }
        assertThat(dockerOk("inspect", "-f", "{{.State.Running}}", "detachable").strip()).isEqualTo("true");

        try (PtySession session = docker.inPty("attach", "detachable")) {
            session.type("echo $MARK\r").expect("kept");
            session.type(CTRL_P_CTRL_Q).expect("read escape sequence");
            assertThat(session.exitCode()).isEqualTo(1);
        }
        try (PtySession session = wharf.inPty("attach", "detachable")) {
            session.type("echo again-$MARK\r").expect("again-kept");
            session.type(CTRL_P_CTRL_Q).expect("read escape sequence");
            assertThat(session.exitCode()).isEqualTo(1);
        }
        try (PtySession session = wharf.inPty("attach", "detachable")) {
            session.type("exit 4\r");
            assertThat(session.exitCode()).as(session.screen()).isEqualTo(4);
        }
        wharfOk("rm", "detachable");
    }

    @Test
    void customDetachKeys() throws Exception {
        for (Cli cli : new Cli[] {wharf, docker}) {
            try (PtySession session = cli.inPty("run", "-it", "--name", "keys", "--detach-keys", "ctrl-x,x", "busybox", "sh")) {
                session.expect("/ # ").type(CTRL_P_CTRL_Q + "echo still-here\r").expect("still-here");
                session.type("\u0018x");
                assertThat(session.exitCode()).as(session.screen()).isZero();
            }
            assertThat(wharfOk("inspect", "-f", "{{.State.Running}}", "keys").strip()).isEqualTo("true");
            try (PtySession session = cli.inPty("attach", "--detach-keys", "ctrl-a", "keys")) {
                session.type("echo attached\r").expect("attached");
                session.type("\u0001").expect("read escape sequence");
                assertThat(session.exitCode()).isEqualTo(1);
            }
            wharfOk("rm", "-f", "keys");
        }
    }

    @Test
    void execItIntoAContainerSomeoneIsAttachedTo() throws Exception {
        try (PtySession main = wharf.inPty("run", "-it", "--name", "shared", "busybox", "sh")) {
            main.expect("/ # ");
            try (PtySession exec = docker.inPty("exec", "-it", "shared", "sh")) {
                exec.expect("/ # ").type("echo from-exec > /tmp/x; exit 3\r");
                assertThat(exec.exitCode()).isEqualTo(3);
            }
            main.type("cat /tmp/x\r").expect("from-exec");
            main.type("exit\r");
            assertThat(main.exitCode()).isZero();
        }
        wharfOk("rm", "shared");
    }

    @Test
    void attachStreamsWithDashA() {
        for (Cli cli : new Cli[] {wharf, docker}) {
            CommandResult onlyOut = cli.run("run", "--rm", "-a", "stdout", "busybox", "sh", "-c", "echo out; echo err >&2");
            assertThat(onlyOut.stdout()).isEqualTo("out\n");
            assertThat(onlyOut.stderr()).isEmpty();
            CommandResult piped = cli.runWithInput("in\n".getBytes(StandardCharsets.UTF_8),
                    "run", "--rm", "-a", "stdin", "-a", "stdout", "-i", "busybox", "cat");
            assertThat(piped.stdout()).isEqualTo("in\n");
        }
        CommandResult bad = wharf.run("run", "-a", "nonsense", "busybox", "true");
        assertThat(bad.exitCode()).isEqualTo(125);
        assertThat(bad.stderr()).contains("valid streams are STDIN, STDOUT and STDERR");
    }

    @Test
    void startAttachedWithStdin() {
        for (Cli cli : new Cli[] {wharf, docker}) {
            String id = wharfOk("create", "-i", "busybox", "sh", "-c", "cat; exit 6").strip();
            CommandResult result = cli.runWithInput("through start\n".getBytes(StandardCharsets.UTF_8), "start", "-a", "-i", id);
            assertThat(result.stdout()).as("%s", result).isEqualTo("through start\n");
            assertThat(result.exitCode()).isEqualTo(6);
            wharfOk("rm", id);
        }
        CommandResult missing = wharf.run("start", "nosuchcontainer");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).contains("No such container: nosuchcontainer")
                .contains("Error: failed to start containers: nosuchcontainer");
    }

    @Test
    void attachForwardsSignalsUnlessTheProxyIsOff() throws Exception {
        for (Cli cli : new Cli[] {wharf, docker}) {
            wharfOk("run", "-d", "--name", "trapper", "busybox", "sh", "-c",
                    "trap 'echo got-int; exit 7' INT; while true; do echo tick; sleep 0.2; done");
            Process attached = cli.start("attach", "trapper");
            // a tick through the attach: the CLI is attached, and installed its signal handlers before that
            assertThat(new String(attached.getInputStream().readNBytes(5), StandardCharsets.UTF_8)).isEqualTo("tick\n");
            new ProcessBuilder("kill", "-INT", Long.toString(attached.pid())).start().waitFor();
            assertThat(attached.waitFor(60, TimeUnit.SECONDS)).as("the CLI forwarded SIGINT and ended").isTrue();
            assertThat(attached.exitValue()).isEqualTo(7);
            assertThat(new String(attached.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("got-int");
            wharfOk("rm", "trapper");
        }
        assertThat(wharf.run("attach", "nosuchcontainer").stderr()).contains("No such container: nosuchcontainer");
        wharfOk("create", "--name", "never-started", "busybox", "true");
        CommandResult stopped = wharf.run("attach", "never-started");
        assertThat(stopped.exitCode()).isEqualTo(1);
        assertThat(stopped.stderr()).contains("cannot attach to a stopped container, start it first");
        wharfOk("rm", "never-started");
    }
}
