package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Containers live under conmon, not wharfd: they outlast a daemon restart, and so do their logs and exit codes. */
class DaemonRestartTest extends EndToEndTest {

    @Test
    void containerKeepsRunningAcrossARestartWithLogsAndExitCodeIntact() throws Exception {
        String id = wharfOk("run", "-d", "--name", "survivor", "busybox", "sh", "-c",
                "echo before; while [ ! -e /tmp/go ]; do sleep 0.1; done; echo after; exit 7").strip();
        awaitLog("survivor", "before");

        daemon.kill(); // a crash: no clean shutdown
        daemon.start();

        assertThat(wharfOk("ps", "--no-trunc")).contains(id).contains("Up ");
        wharfOk("logs", "survivor"); // still readable
        // Let the container finish while the daemon is down this time.
        daemon.stop();
        // With no daemon around, release the container through its mounted rootfs.
        Files.writeString(mergedDir(id).resolve("tmp/go"), "");
        waitForExitFile(id);
        daemon.start();

        assertThat(docker.run("wait", "survivor").stdout().strip()).as(daemon.log()).isEqualTo("7");
        assertThat(wharfOk("logs", "survivor")).isEqualTo("before\nafter\n");
        assertThat(wharfOk("ps", "-a")).contains("Exited (7)");
        assertThat(dockerOk("inspect", "-f", "{{.State.ExitCode}} {{.State.Status}}", "survivor").strip())
                .isEqualTo("7 exited");
        wharfOk("rm", "survivor");
    }

    private void awaitLog(String name, String text) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (wharf.run("logs", name).stdout().contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + text + "' in the logs of " + name);
    }

    private Path mergedDir(String id) {
        Path merged = daemon.dataRoot().resolve("overlay/containers").resolve(id).resolve("merged");
        assertThat(merged.resolve("bin")).isDirectory();
        return merged;
    }

    /** conmon records the exit in the exec root even while no daemon runs. */
    private void waitForExitFile(String id) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (var files = Files.walk(daemon.execRoot())) {
                if (files.anyMatch(p -> p.getFileName().toString().equals(id) && p.getParent().getFileName().toString().startsWith("exit"))) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("conmon wrote no exit file for " + id);
    }
}
