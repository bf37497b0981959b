package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fault: wharfd killed with SIGKILL in the middle of a {@code run -it} session. */
class InteractiveCrashTest extends EndToEndTest {

    @Test
    void theContainerSurvivesAndCanBeAttachedAgain() throws Exception {
        try (PtySession session = wharf.inPty("run", "-it", "--name", "crash-tty", "busybox", "sh")) {
            // "ran-2" only appears once the shell ran the line (the echo of the typed line shows $((1+1)))
            session.expect("/ # ").type("echo before > /tmp/state; export KEPT=yes; echo ran-$((1+1))\r").expect("ran-2");
            daemon.kill();
            session.exitCode(); // the CLI loses the daemon; how it words that does not matter here
        }
        daemon.start();
        assertThat(dockerOk("inspect", "-f", "{{.State.Status}}", "crash-tty").strip()).isEqualTo("running");

        try (PtySession session = docker.inPty("attach", "crash-tty")) {
            session.type("cat /tmp/state; echo kept=$KEPT\r").expect("before").expect("kept=yes");
            session.type("\u0010\u0011").expect("read escape sequence");
            assertThat(session.exitCode()).isEqualTo(1);
        }
        try (PtySession session = wharf.inPty("attach", "crash-tty")) {
            session.type("exit 3\r");
            assertThat(session.exitCode()).as(session.screen()).isEqualTo(3);
        }
        assertThat(wharfOk("inspect", "-f", "{{.State.ExitCode}}", "crash-tty").strip()).isEqualTo("3");
        wharfOk("rm", "crash-tty");
    }
}
