package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Our CLI's commands, flags, output and exit codes, as docker's. */
class WharfCliTest extends EndToEndTest {

    @Test
    void runDetachedThenPsLogsInspectRm() throws Exception {
        String id = wharfOk("run", "-d", "--name", "w1", "-l", "k=v", "busybox", "sh", "-c", "echo hello; sleep 30").strip();
        assertThat(id).matches("[0-9a-f]{64}");
        String ps = wharfOk("ps");
        assertThat(ps.lines().findFirst().orElseThrow())
                .contains("CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES");
        assertThat(ps).contains(id.substring(0, 12)).contains("\"sh -c 'echo hello;").contains("w1");
        assertThat(wharfOk("ps", "-q").strip()).isEqualTo(id.substring(0, 12));
        assertThat(wharfOk("ps", "-q", "--no-trunc").strip()).isEqualTo(id);
        for (int i = 0; i < 50 && !wharfOk("logs", "w1").contains("hello"); i++) {
            Thread.sleep(100);
        }
        assertThat(wharfOk("logs", "w1")).isEqualTo("hello\n");
        assertThat(wharfOk("inspect", "w1")).contains("\"Id\": \"" + id + "\"").contains("\"k\": \"v\"");
        CommandResult refused = wharf.run("rm", "w1");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("Error response from daemon: You cannot remove a running container");
        assertThat(wharfOk("rm", "-f", "w1").strip()).isEqualTo("w1");
        CommandResult gone = wharf.run("logs", "w1");
        assertThat(gone.exitCode()).isEqualTo(1);
        assertThat(gone.stderr()).contains("No such container: w1");
    }

    @Test
    void runRemoveLeavesNoContainer() {
        assertThat(wharfOk("run", "--rm", "--name", "gone", "busybox", "echo", "bye")).isEqualTo("bye\n");
        assertThat(wharfOk("ps", "-a")).doesNotContain("gone");
    }

    @Test
    void createMakesAContainerThatStartsLater() {
        String id = wharfOk("create", "--name", "made", "-e", "GREETING=made", "busybox", "sh", "-c", "echo $GREETING").strip();
        assertThat(id).matches("[0-9a-f]{64}");
        assertThat(wharfOk("ps", "-a", "--filter", "name=made")).contains("Created");
        assertThat(dockerOk("start", "-a", "made")).isEqualTo("made\n");
        wharfOk("rm", "made");
    }

    @Test
    void imagesTagRmiImport() throws Exception {
        String images = wharfOk("images");
        assertThat(images.lines().findFirst().orElseThrow()).contains("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE");
        assertThat(images).containsPattern("busybox\\s+latest\\s+[0-9a-f]{12}\\s+.+\\s+[0-9.]+[kM]B");

        wharfOk("tag", "busybox", "mybox:v1");
        assertThat(wharfOk("images")).containsPattern("mybox\\s+v1");
        assertThat(wharfOk("rmi", "mybox:v1")).contains("Untagged: mybox:v1");

        // A rootfs tarball becomes an image.
        Path tarball = root.resolve("rootfs.tar");
        Files.write(tarball, Tarballs.shellRootfs());
        String imported = wharfOk("import", "-c", "CMD [\"/bin/sh\", \"-c\", \"echo imported\"]", "-m", "from a test",
                tarball.toString(), "imported:1").strip();
        assertThat(imported).matches("sha256:[0-9a-f]{64}");
        assertThat(wharfOk("run", "--rm", "imported:1")).isEqualTo("imported\n");
        assertThat(wharfOk("inspect", "imported:1")).contains("from a test");
        assertThat(wharfOk("rmi", "imported:1")).contains("Untagged: imported:1").contains("Deleted: sha256:");
    }

    @Test
    void versionAndInfo() {
        String version = wharfOk("version");
        assertThat(version).contains("Client:").contains("Server:").contains("1.44");
        assertThat(wharfOk("info")).contains("Containers:").contains("Images:");
    }

    @Test
    void daemonNotRunning() {
        CommandResult result = Cli.wharf("unix://" + root.resolve("nobody-here.sock")).run("ps");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("Cannot connect to the wharf daemon at unix://");
    }
}
