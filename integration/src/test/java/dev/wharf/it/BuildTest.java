package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code docker build} (the CLI's classic-builder fallback) and {@code wharf build} against wharfd. */
class BuildTest extends EndToEndTest {

    private Path context(String name, String dockerfile) throws IOException {
        Path dir = Files.createDirectories(root.resolve("contexts").resolve(name));
        Files.writeString(dir.resolve("Dockerfile"), dockerfile);
        Files.writeString(dir.resolve("app.txt"), "hello from " + name + "\n");
        return dir;
    }

    private static final String DOCKERFILE = """
            FROM busybox
            LABEL ref-pack=1
            ENV GREETING=hello
            RUN echo "built at build time" > /built.txt && echo to stderr >&2
            COPY app.txt /app/app.txt
            WORKDIR /app
            CMD ["cat", "/app/app.txt"]
            """;

    @Test
    void dockerBuildRunsCachesAndTags() throws IOException {
        Path ctx = context("docker", DOCKERFILE);
        String first = dockerOk("build", "-t", "ref-img:1", "-t", "ref-img:2", ctx.toString());
        assertThat(first).contains("Step 1/7 : FROM busybox", "Step 4/7 : RUN", " ---> Running in ",
                "Removing intermediate container", "to stderr", "Successfully built ", "Successfully tagged ref-img:1",
                "Successfully tagged ref-img:2");
        assertThat(dockerOk("run", "--rm", "ref-img:1")).isEqualTo("hello from docker\n");
        assertThat(dockerOk("run", "--rm", "ref-img:2", "sh", "-c", "cat /built.txt; echo $GREETING; pwd"))
                .isEqualTo("built at build time\nhello\n/app\n");
        assertThat(dockerOk("inspect", "-f", "{{.Config.WorkingDir}} {{index .Config.Labels \"ref-pack\"}}", "ref-img:1"))
                .isEqualTo("/app 1\n");

        String id = dockerOk("inspect", "-f", "{{.Id}}", "ref-img:1").strip();
        String cached = dockerOk("build", "-t", "ref-img:1", ctx.toString());
        assertThat(cached.lines().filter(l -> l.equals(" ---> Using cache")).count()).isEqualTo(6);
        assertThat(cached).contains("Successfully built " + id.substring(7, 19));

        Files.writeString(ctx.resolve("app.txt"), "changed\n");
        String partial = dockerOk("build", "-t", "ref-img:1", ctx.toString());
        assertThat(partial.lines().filter(l -> l.equals(" ---> Using cache")).count()).isEqualTo(3);
        assertThat(dockerOk("run", "--rm", "ref-img:1")).isEqualTo("changed\n");
    }

    @Test
    void dockerBuildFailureShowsTheExitCodeAndOutput() throws IOException {
        Path ctx = context("failing", """
                FROM busybox
                ARG FOO=default
                RUN echo "visible build output FOO=$FOO"
                RUN echo "about to fail" && exit 3
                """);
        CommandResult result = docker.run("build", "--no-cache", "--build-arg", "FOO=bar", "--label", "ref-pack=1",
                "-t", "ref-img:err", ctx.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.stdout()).contains("visible build output FOO=bar", "about to fail");
        assertThat(result.stderr()).contains("The command '/bin/sh -c echo \"about to fail\" && exit 3' returned a non-zero code: 3");
        assertThat(docker.run("inspect", "ref-img:err").exitCode()).isNotZero();
        // As dockerd's classic builder: without --force-rm the failed step's container stays, exited.
        String failed = result.stdout().lines().filter(l -> l.startsWith(" ---> Running in ")).reduce((a, b) -> b)
                .orElseThrow().substring(" ---> Running in ".length());
        assertThat(dockerOk("ps", "-a", "--no-trunc", "--filter", "id=" + failed, "--format", "{{.Status}} {{.Command}}"))
                .startsWith("Exited (3)").contains("about to fail");
        dockerOk("rm", failed);
        CommandResult forced = docker.run("build", "--force-rm", ctx.toString());
        assertThat(forced.exitCode()).isEqualTo(3);
        String removed = forced.stdout().lines().filter(l -> l.startsWith(" ---> Running in ")).reduce((a, b) -> b)
                .orElseThrow().substring(" ---> Running in ".length());
        assertThat(dockerOk("ps", "-a", "-q", "--filter", "id=" + removed)).isEmpty();

        Path syntax = context("syntax", "FROM busybox\nNOPE x\n");
        CommandResult bad = docker.run("build", syntax.toString());
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.stderr()).contains("dockerfile parse error on line 2: unknown instruction: NOPE");
    }

    @Test
    void dockerBuildWithDockerfileOnStdinAndTarget() throws IOException {
        Path ctx = context("stdin", "unused");
        String dockerfile = "FROM busybox AS first\nRUN echo first > /first\nFROM first AS second\nRUN exit 1\n";
        CommandResult result = docker.runWithInput(dockerfile.getBytes(StandardCharsets.UTF_8),
                "build", "-f", "-", "--target", "first", "-t", "stdin-img", ctx.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(dockerOk("run", "--rm", "stdin-img", "cat", "/first")).isEqualTo("first\n");
    }

    @Test
    void wharfBuildQuietWritesTheImageId() throws IOException {
        Path ctx = context("wharf", DOCKERFILE);
        Path iid = root.resolve("iid");
        String out = wharfOk("build", "-q", "--iidfile", iid.toString(), "-t", "wharf-built", ctx.toString());
        String id = Files.readString(iid);
        assertThat(id).matches("sha256:[0-9a-f]{64}");
        assertThat(out.strip()).isEqualTo(id);
        assertThat(wharfOk("run", "--rm", "wharf-built")).isEqualTo("hello from wharf\n");
        String again = wharfOk("build", "-t", "wharf-built", ctx.toString());
        assertThat(again).contains(" ---> Using cache", "Successfully built " + id.substring(7, 19));

        CommandResult failing = wharf.runWithInput("FROM busybox\nRUN exit 7\n".getBytes(StandardCharsets.UTF_8),
                "build", "-f", "-", ctx.toString());
        assertThat(failing.exitCode()).isEqualTo(7);
        assertThat(failing.stderr()).contains("The command '/bin/sh -c exit 7' returned a non-zero code: 7");
    }

    @Test
    void intermediateImagesShowWithAllAndGoWithTheFinalImage() throws IOException {
        Path ctx = context("layers", "FROM busybox\nRUN echo one > /one\nENV STEP=2\nRUN echo two > /two\n");
        dockerOk("build", "-t", "layered", ctx.toString());
        String last = dockerOk("inspect", "-f", "{{.Id}}", "layered").strip();
        String middle = dockerOk("inspect", "-f", "{{.Parent}}", last).strip();
        String first = dockerOk("inspect", "-f", "{{.Parent}}", middle).strip();
        String busybox = dockerOk("inspect", "-f", "{{.Id}}", "busybox").strip();
        assertThat(dockerOk("inspect", "-f", "{{.Parent}}", first).strip()).isEqualTo(busybox);
        assertThat(dockerOk("images", "-a", "-q", "--no-trunc").lines()).contains(last, middle, first, busybox);
        assertThat(dockerOk("images", "-q", "--no-trunc").lines()).contains(last, busybox).doesNotContain(middle, first);
        assertThat(wharfOk("images", "-a", "-q", "--no-trunc").lines()).contains(middle, first);

        dockerOk("image", "prune", "-f");
        assertThat(dockerOk("images", "-a", "-q", "--no-trunc").lines()).contains(middle, first);
        CommandResult child = docker.run("rmi", middle);
        assertThat(child.stderr()).contains("image has dependent child images");

        assertThat(dockerOk("rmi", "layered")).isEqualTo("Untagged: layered:latest\nDeleted: " + last
                + "\nDeleted: " + middle + "\nDeleted: " + first + "\n");
        assertThat(dockerOk("images", "-a", "-q", "--no-trunc").lines()).contains(busybox).doesNotContain(first);
    }

    @Test
    void runStepsUseTheBuildsNetwork() throws IOException {
        Path ctx = context("network", "FROM busybox\nRUN ls /sys/class/net > /nets\n");
        dockerOk("build", "--network", "none", "--cache-from", "busybox", "--platform", "linux/amd64",
                "-t", "net-none", ctx.toString());
        assertThat(dockerOk("run", "--rm", "net-none", "cat", "/nets")).isEqualTo("lo\n");
        dockerOk("build", "--no-cache", "--network", "host", "-t", "net-host", ctx.toString());
        assertThat(dockerOk("run", "--rm", "net-host", "cat", "/nets")).contains("lo\n").isNotEqualTo("lo\n");
    }
}
