package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The real docker CLI against wharfd: the commands the foundation promises. */
class DockerCliTest extends EndToEndTest {

    @Test
    void runRemovePrintsOutput() {
        assertThat(dockerOk("run", "--rm", "busybox", "echo", "hi")).isEqualTo("hi\n");
        assertThat(dockerOk("ps", "-aq")).isBlank();
    }

    @Test
    void runExitCode() {
        assertThat(docker.run("run", "--name", "three", "busybox", "sh", "-c", "exit 3").exitCode()).isEqualTo(3);
        assertThat(dockerOk("ps", "-a", "--filter", "name=three")).contains("Exited (3)");
        dockerOk("rm", "three");
    }

    @Test
    void containerCommands() {
        String id = dockerOk("run", "-d", "--name", "dk", "-l", "team=wharf", "busybox", "sh", "-c", "echo logged; sleep 30").strip();
        assertThat(id).matches("[0-9a-f]{64}");

        String ps = dockerOk("ps");
        assertThat(ps.lines().findFirst().orElseThrow())
                .contains("CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES");
        assertThat(ps).contains(id.substring(0, 12)).contains("busybox").contains("Up ").contains("dk");
        assertThat(dockerOk("ps", "-a", "--filter", "label=team=wharf", "-q")).contains(id.substring(0, 12));

        awaitLogs("dk", "logged");
        assertThat(dockerOk("inspect", "-f", "{{.State.Running}} {{.Name}} {{.Config.Image}}", "dk").strip())
                .isEqualTo("true /dk busybox");
        assertThat(dockerOk("inspect", "dk")).contains("\"Id\": \"" + id + "\"");

        CommandResult running = docker.run("rm", "dk");
        assertThat(running.exitCode()).isNotZero();
        assertThat(running.stderr()).contains("You cannot remove a running container " + id);
        assertThat(dockerOk("rm", "-f", "dk").strip()).isEqualTo("dk");
        assertThat(dockerOk("ps", "-aq")).isBlank();
    }

    @Test
    void imagesVersionInfo() {
        String images = dockerOk("images");
        assertThat(images.lines().findFirst().orElseThrow()).contains("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE");
        assertThat(images).containsPattern("busybox\\s+latest\\s+[0-9a-f]{12}");
        assertThat(dockerOk("image", "inspect", "-f", "{{.Config.Cmd}}", "busybox").strip()).isEqualTo("[sh]");

        String version = dockerOk("version");
        assertThat(version).contains("Server:").contains("API version:").contains("1.44");
        String info = dockerOk("info");
        assertThat(info).contains("Containers:").contains("Images:").contains("Storage Driver: overlay2")
                .contains("Cgroup Driver: cgroupfs").doesNotContain("ERROR");
    }

    @Test
    void nameConflictIsDockers() {
        dockerOk("create", "--name", "twice", "busybox", "true");
        CommandResult again = docker.run("create", "--name", "twice", "busybox", "true");
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.stderr()).contains("Conflict. The container name \"/twice\" is already in use by container");
        dockerOk("rm", "twice");
    }

    private void awaitLogs(String name, String text) {
        for (int i = 0; i < 100; i++) {
            if (docker.run("logs", name).stdout().contains(text)) {
                return;
            }
            sleep();
        }
        throw new AssertionError("no '" + text + "' in the logs of " + name);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
