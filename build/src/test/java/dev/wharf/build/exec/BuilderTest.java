package dev.wharf.build.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.wharf.build.BuildException;
import dev.wharf.build.dockerfile.DockerfileSyntaxException;
import dev.wharf.build.exec.BuildFixture.Options;
import dev.wharf.build.exec.BuildFixture.Result;
import dev.wharf.build.image.BuiltImageConfig;
import dev.wharf.build.image.RunConfig;
import dev.wharf.image.History;
import dev.wharf.image.ImageReference;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The corpus under {@code src/test/resources/corpus} built for real (RUN in conmon/runc containers on
 * overlay snapshots): image config, history and file system checked, and a second build fully cached.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "isRoot", disabledReason = "containers and overlay mounts need root")
@Timeout(300)
class BuilderTest {
    private Path tmp;
    private BuildFixture fixture;

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    @BeforeAll
    void setUp() throws Exception {
        tmp = Files.createTempDirectory("wharf-build-test-");
        fixture = new BuildFixture(tmp);
    }

    @AfterEach
    void nothingLeft() throws Exception {
        fixture.assertNothingLeft();
    }

    @AfterAll
    void tearDown() throws Exception {
        try {
            fixture.close();
        } finally {
            BuildFixture.deleteTree(tmp);
        }
    }

    /** Builds twice: the second build must take every step from the cache and give the same image. */
    private Result buildCached(String corpus, Options options, int steps) throws Exception {
        Result first = fixture.build(corpus, options).ok();
        Result second = fixture.build(corpus, options).ok();
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.usingCache()).as(second.output()).isEqualTo(steps);
        return first;
    }

    @Test
    void basicBuildHasDockersConfigHistoryAndFiles() throws Exception {
        Result result = buildCached("basic", Options.defaults().tags("basic:1"), 6);
        assertThat(result.output()).contains("Step 1/7 : FROM busybox\n", "Step 4/7 : RUN echo \"built at build time\" > /built.txt\n",
                "Successfully built " + result.id().shortId(),
                "Successfully tagged basic:1");
        assertThat(fixture.images.lookup("basic:1")).map(i -> i.id()).contains(result.id());
        BuiltImageConfig config = fixture.config(result.id());
        RunConfig run = config.config();
        assertThat(run.env()).containsExactly("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "GREETING=hello");
        assertThat(run.cmd()).containsExactly("cat", "/app/app.txt");
        assertThat(run.workingDir()).isEqualTo("/app");
        assertThat(run.labels()).containsEntry("ref-pack", "1");
        assertThat(config.containerConfig().cmd()).containsExactly("/bin/sh", "-c", "#(nop) ",
                "CMD [\"cat\" \"/app/app.txt\"]");
        List<History> history = config.history();
        assertThat(history).extracting(History::createdBy).endsWith(
                "/bin/sh -c #(nop)  LABEL ref-pack=1", "/bin/sh -c #(nop)  ENV GREETING=hello",
                "/bin/sh -c echo \"built at build time\" > /built.txt",
                history.get(history.size() - 3).createdBy(),
                "/bin/sh -c #(nop)  WORKDIR /app", "/bin/sh -c #(nop)  CMD [\"cat\" \"/app/app.txt\"]");
        assertThat(history.get(history.size() - 3).createdBy()).matches("/bin/sh -c #\\(nop\\)  COPY file:[0-9a-f]{64} in /app/app.txt ");
        assertThat(history.subList(2, history.size())).extracting(History::isEmptyLayer)
                .containsExactly(true, true, false, false, true, true); // WORKDIR /app exists already: no layer
        assertThat(config.rootfs().diffIds()).hasSize(3);
        fixture.inRootfs(result.id(), rootfs -> {
            assertThat(rootfs.resolve("built.txt")).hasContent("built at build time");
            Path app = rootfs.resolve("app/app.txt");
            assertThat(app).hasContent("hello");
            assertThat(Files.getAttribute(app, "unix:mode")).isEqualTo(0100644);
            assertThat(Files.getAttribute(app, "unix:uid")).isEqualTo(0);
        });
    }

    @Test
    void metadataInstructionsSetTheConfigAsDockerDoes() throws Exception {
        Result result = buildCached("metadata", Options.defaults(), 13);
        BuiltImageConfig config = fixture.config(result.id());
        RunConfig run = config.config();
        assertThat(config.author()).isEqualTo("Wharf Tests <tests@wharf.dev>");
        assertThat(run.env()).contains("OLD_FORM=value with spaces", "A=1", "B=two words", "C=1-two words");
        assertThat(run.labels()).containsEntry("org.example.name", "metadata test")
                .containsEntry("org.example.multi", "one").containsEntry("two", "2");
        assertThat(run.exposedPorts()).containsOnlyKeys("80/tcp", "53/udp", "8000/tcp", "8001/tcp");
        assertThat(run.volumes()).containsOnlyKeys("/data", "/cache", "/logs");
        assertThat(run.user()).isEqualTo("nobody");
        assertThat(run.stopSignal()).isEqualTo("SIGKILL");
        assertThat(run.healthcheck().test()).containsExactly("CMD-SHELL", "wget -q http://localhost/ || exit 1");
        assertThat(run.healthcheck().interval()).isEqualTo(5_000_000_000L);
        assertThat(run.healthcheck().timeout()).isEqualTo(3_000_000_000L);
        assertThat(run.healthcheck().retries()).isEqualTo(2);
        assertThat(run.shell()).containsExactly("/bin/sh", "-ec");
        assertThat(run.onBuild()).containsExactly("RUN echo triggered > /onbuild.txt");
        // ENTRYPOINT resets the CMD inherited from busybox; the shell form goes through SHELL.
        assertThat(run.entrypoint()).containsExactly("/bin/sh", "-ec", "echo entry");
        assertThat(run.cmd()).isNull();
        assertThat(config.history().getLast().createdBy())
                .isEqualTo("/bin/sh -ec #(nop)  ENTRYPOINT [\"/bin/sh\" \"-ec\" \"echo entry\"]");
    }

    @Test
    void deletionsBecomeWhiteoutsAndOpaqueDirectories() throws Exception {
        Result result = buildCached("whiteouts", Options.defaults(), 3);
        assertThat(fixture.layerEntries(result.id(), -3)).contains("data/", "data/c", "data/c-hard", "data/c-soft",
                "data/fifo", "data/keep/a", "data/drop/b");
        assertThat(fixture.layerEntries(result.id(), -2)).contains("data/.wh.drop", "data/.wh.c-soft", "data/keep/a")
                .doesNotContain("data/c");
        assertThat(fixture.layerEntries(result.id(), -1)).contains("data/keep/", "data/keep/.wh..wh..opq",
                "data/keep/new");
        fixture.inRootfs(result.id(), rootfs -> {
            Path data = rootfs.resolve("data");
            assertThat(data.resolve("drop")).doesNotExist();
            assertThat(Files.exists(data.resolve("c-soft"), LinkOption.NOFOLLOW_LINKS)).isFalse();
            assertThat(data.resolve("keep/a")).doesNotExist();
            assertThat(data.resolve("keep/new")).hasContent("fresh");
            assertThat(Files.getAttribute(data.resolve("c"), "unix:mode")).isEqualTo(0104755);
            assertThat(Files.getAttribute(data.resolve("c-hard"), "unix:nlink")).isEqualTo(2);
        });
    }

    @Test
    void multiStageBuildCopiesFromStagesAndImagesAndSkipsUnneededStages() throws Exception {
        Result result = buildCached("multistage", Options.defaults(), 5);
        assertThat(result.output()).doesNotContain("RUN exit 1");
        BuiltImageConfig config = fixture.config(result.id());
        assertThat(config.rootfs().diffIds()).hasSize(3);
        fixture.inRootfs(result.id(), rootfs -> {
            assertThat(rootfs.resolve("artifact.txt")).hasContent("from the builder");
            assertThat(rootfs.resolve("t/tested.txt")).hasContent("from the builder");
            assertThat(rootfs.resolve("passwd")).content().startsWith("root:x:0:0");
            assertThat(rootfs.resolve("bin")).doesNotExist();
        });
        Result target = fixture.build("multistage", Options.defaults().target("builder")).ok();
        assertThat(target.output()).contains("Step 2/2 : RUN echo").doesNotContain("FROM scratch");
        fixture.inRootfs(target.id(), rootfs -> assertThat(rootfs.resolve("artifact.txt")).exists());
    }

    @Test
    void heredocsRunAsScriptsAndBecomeFiles() throws Exception {
        Result result = buildCached("heredoc", Options.defaults(), 5);
        fixture.inRootfs(result.id(), rootfs -> {
            assertThat(rootfs.resolve("h1.txt")).hasContent("hello from a heredoc\nsecond line");
            assertThat(rootfs.resolve("a.txt")).hasContent("first world");
            assertThat(rootfs.resolve("b.txt")).hasContent("second tab-stripped");
            assertThat(rootfs.resolve("copied.txt")).hasContent("copied for world");
            assertThat(rootfs.resolve("literal.txt")).hasContent("not expanded: ${WHO}");
        });
    }

    @Test
    void argsAndVariableExpansionFollowDocker() throws Exception {
        Options options = Options.defaults().args(Map.of("GIVEN", "from-cli", "TAG", "latest", "NOT_DECLARED", "x"));
        Result result = buildCached("args", options, 7);
        assertThat(result.output()).contains("[Warning] One or more build-args [NOT_DECLARED] were not consumed");
        BuiltImageConfig config = fixture.config(result.id());
        assertThat(config.config().env()).contains("FROM_ARG=from-cli", "DEFAULTED=fallback", "ALT=alt", "NOALT=",
                "PREFIX=usr/local/bin/tool.tar.gz", "LONGPREFIX=tool.tar.gz", "SUFFIX=/usr/local/bin/tool.tar",
                "LONGSUFFIX=/usr/local/bin/tool", "TAGGED=latest", "ESCAPED=$GIVEN", "SINGLE=$GIVEN");
        assertThat(config.config().env()).noneMatch(e -> e.startsWith("GIVEN="));
        assertThat(config.history().getLast().createdBy())
                .isEqualTo("|4 GIVEN=from-cli PATHLIKE=/usr/local/bin/tool.tar.gz TAG=latest TARGETARCH="
                        + Builder.platformArgs().get("TARGETARCH") + " /bin/sh -c echo \"$GIVEN $TARGETARCH\" > /run-saw.txt");
        fixture.inRootfs(result.id(), rootfs -> assertThat(rootfs.resolve("run-saw.txt"))
                .hasContent("from-cli " + Builder.platformArgs().get("TARGETARCH")));
    }

    @Test
    void dockerignoreExcludesWithExceptionsAndDoubleStar() throws Exception {
        Result result = buildCached("dockerignore", Options.defaults(), 1);
        fixture.inRootfs(result.id(), rootfs -> {
            Path ctx = rootfs.resolve("ctx");
            assertThat(ctx.resolve("keep.log")).exists();
            assertThat(ctx.resolve("drop.log")).doesNotExist();
            assertThat(ctx.resolve("logs/a.log")).exists(); // "*.log" is anchored at the root
            assertThat(ctx.resolve("sub/tmp")).doesNotExist();
            assertThat(ctx.resolve("sub/y.txt")).exists();
            assertThat(ctx.resolve("secret.txt")).doesNotExist();
            assertThat(ctx.resolve("Dockerfile")).exists();
        });
    }

    @Test
    void chownChmodAndArchivesUnpackedByAdd() throws Exception {
        Result result = buildCached("chown", Options.defaults(), 4);
        fixture.inRootfs(result.id(), rootfs -> {
            Path owned = rootfs.resolve("owned/file.txt");
            assertThat(Files.getAttribute(owned, "unix:uid")).isEqualTo(65534);
            assertThat(Files.getAttribute(owned, "unix:gid")).isEqualTo(65534);
            assertThat(Files.getAttribute(owned, "unix:mode")).isEqualTo(0100600);
            assertThat(Files.getAttribute(rootfs.resolve("owned"), "unix:uid")).isEqualTo(65534);
            Path numeric = rootfs.resolve("numeric/inner/d.txt");
            assertThat(numeric).hasContent("d");
            assertThat(Files.getAttribute(numeric, "unix:uid")).isEqualTo(1234);
            assertThat(Files.getAttribute(numeric, "unix:gid")).isEqualTo(5678);
            Path unpacked = rootfs.resolve("unpacked/pkg/inner.txt");
            assertThat(unpacked).hasContent("inside the archive");
            assertThat(Files.getAttribute(unpacked, "unix:uid")).isEqualTo(65534);
            Path plain = rootfs.resolve("plain/pkg/inner.txt");
            assertThat(Files.getAttribute(plain, "unix:uid")).isEqualTo(42); // owners from the archive
            assertThat(Files.getAttribute(plain, "unix:mode")).isEqualTo(0100640);
            assertThat(Files.readSymbolicLink(rootfs.resolve("plain/pkg/link"))).isEqualTo(Path.of("inner.txt"));
            assertThat(Files.getLastModifiedTime(plain).toInstant()).isEqualTo(Instant.ofEpochSecond(1700000000));
        });
    }

    @Test
    void globsDirectoriesAndJsonForm() throws Exception {
        Result result = buildCached("globs", Options.defaults(), 3);
        fixture.inRootfs(result.id(), rootfs -> {
            assertThat(rootfs.resolve("globbed/one.txt")).hasContent("1");
            assertThat(rootfs.resolve("globbed/two.txt")).hasContent("2");
            assertThat(rootfs.resolve("globbed/skip.md")).doesNotExist();
            assertThat(rootfs.resolve("dir-contents/one.txt")).exists();
            assertThat(rootfs.resolve("json form/two.txt")).exists();
        });
    }

    @Test
    void onBuildTriggersRunInTheChildStage() throws Exception {
        Result result = buildCached("onbuild", Options.defaults(), 5);
        assertThat(result.output()).contains("# Executing 2 build triggers", "trigger ran");
        BuiltImageConfig config = fixture.config(result.id());
        assertThat(config.config().env()).contains("TRIGGERED=yes");
        assertThat(config.config().onBuild()).isNullOrEmpty();
    }

    @Test
    void addFetchesAUrlFromALoopbackServer() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = "downloaded\n".getBytes(StandardCharsets.UTF_8);
        server.createContext("/files/remote.txt", exchange -> {
            exchange.getResponseHeaders().add("Last-Modified", "Wed, 01 Jan 2025 00:00:00 GMT");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/files/remote.txt";
            Options options = Options.defaults().text("FROM busybox\nADD " + url + " /downloads/\n");
            Result result = buildCached("none", options, 1);
            fixture.inRootfs(result.id(), rootfs -> {
                Path file = rootfs.resolve("downloads/remote.txt");
                assertThat(file).hasContent("downloaded");
                assertThat(Files.getAttribute(file, "unix:mode")).isEqualTo(0100600);
                assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
            });
        } finally {
            server.stop(0);
        }
    }

    @Test
    void moreLayersThanOneMountOptionPageHolds() throws Exception {
        StringBuilder dockerfile = new StringBuilder("FROM busybox\n");
        for (int i = 0; i < 45; i++) {
            dockerfile.append("COPY <<EOF /layers/").append(i).append("\nlayer ").append(i).append("\nEOF\n");
        }
        dockerfile.append("RUN ls /layers | wc -l > /count\n");
        Result result = fixture.build("none", Options.defaults().text(dockerfile.toString())).ok();
        assertThat(fixture.config(result.id()).rootfs().diffIds()).hasSize(47);
        fixture.inRootfs(result.id(), rootfs -> assertThat(rootfs.resolve("count")).hasContent("45"));
    }

    @Test
    void labelsFromTheCommandLineAreALastStep() throws Exception {
        Result result = fixture.build("basic", Options.defaults().labels(Map.of("from-cli", "yes"))).ok();
        assertThat(result.output()).contains("Step 8/8 : LABEL \"from-cli\"='yes'");
        assertThat(fixture.config(result.id()).config().labels()).containsEntry("from-cli", "yes")
                .containsEntry("ref-pack", "1");
    }

    @Test
    void noCacheRebuildsAndSourceDateEpochMakesItReproducible() throws Exception {
        Options options = Options.defaults().withoutCache().epoch(Instant.ofEpochSecond(1_700_000_000));
        Result first = fixture.build("reproducible", options).ok();
        Result second = fixture.build("reproducible", options).ok();
        assertThat(second.usingCache()).isZero();
        assertThat(second.output()).contains(" ---> Running in ", "Removing intermediate container ");
        assertThat(second.id()).isEqualTo(first.id());
        BuiltImageConfig config = fixture.config(first.id());
        assertThat(config.created()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(fixture.image(first.id()).manifest().layers()).isEqualTo(fixture.image(second.id()).manifest().layers());
    }

    @Test
    void independentStagesPrintInStageOrderWithSequentialStepNumbers() throws Exception {
        Path context = Files.createTempDirectory(tmp, "stages-");
        try {
            Files.writeString(context.resolve("Dockerfile"), """
                    FROM busybox AS slow
                    RUN sleep 1 && echo slow-done | tee /slow.txt
                    FROM busybox AS fast
                    RUN echo fast-done | tee /fast.txt
                    FROM scratch
                    COPY --from=slow /slow.txt /
                    COPY --from=fast /fast.txt /
                    """);
            Result result = fixture.build(context, Options.defaults()).ok();
            String output = result.output();
            List<String> steps = output.lines().filter(l -> l.startsWith("Step ")).map(l -> l.substring(0, l.indexOf(" :"))).toList();
            assertThat(steps).containsExactly("Step 1/7", "Step 2/7", "Step 3/7", "Step 4/7", "Step 5/7", "Step 6/7", "Step 7/7");
            assertThat(output.indexOf("slow-done")).isLessThan(output.indexOf("Step 3/7"));
            assertThat(output.indexOf("fast-done")).isGreaterThan(output.indexOf("Step 4/7"));
            fixture.inRootfs(result.id(), rootfs -> {
                assertThat(rootfs.resolve("slow.txt")).hasContent("slow-done");
                assertThat(rootfs.resolve("fast.txt")).hasContent("fast-done");
            });
        } finally {
            BuildFixture.deleteTree(context);
        }
    }

    @Test
    void aFailedStageIsTheBuildsErrorAndLaterStagesShowNothing() throws Exception {
        Path context = Files.createTempDirectory(tmp, "stages-");
        try {
            Files.writeString(context.resolve("Dockerfile"), """
                    FROM busybox AS broken
                    RUN sleep 1 && exit 3
                    FROM busybox AS fine
                    RUN echo fine-done
                    FROM broken
                    COPY --from=fine /bin/sh /sh
                    """);
            Result result = fixture.build(context, Options.defaults());
            assertThat(result.error()).isInstanceOf(BuildFailedException.class);
            assertThat(((BuildFailedException) result.error()).exitCode()).isEqualTo(3);
            assertThat(result.output()).contains("Step 2/6 : RUN sleep 1 && exit 3").doesNotContain("Step 3/6", "fine-done");
        } finally {
            BuildFixture.deleteTree(context);
        }
    }

    @Test
    void aChangedSourceInvalidatesItsStepAndTheRest() throws Exception {
        Path context = Files.createTempDirectory(tmp, "changing-");
        try {
            Files.writeString(context.resolve("Dockerfile"), "FROM busybox\nRUN echo one > /one\nCOPY f /f\nRUN cat /f\n");
            Files.writeString(context.resolve("f"), "v1");
            fixture.build(context, Options.defaults()).ok();
            Files.writeString(context.resolve("f"), "v2");
            Result changed = fixture.build(context, Options.defaults()).ok();
            assertThat(changed.usingCache()).isEqualTo(1);
            assertThat(changed.output()).contains("v2");
        } finally {
            BuildFixture.deleteTree(context);
        }
    }

    @Test
    void badInputFailsWithDockersMessageAndLeavesNothing() throws Exception {
        assertThat(fixture.build("bad-missing", Options.defaults()).error()).isInstanceOf(BuildException.class)
                .hasMessage("COPY failed: file not found in build context or excluded by .dockerignore: stat missing.txt: file does not exist");
        assertThat(fixture.build("bad-outside", Options.defaults()).error())
                .hasMessage("COPY failed: forbidden path outside the build context: ../outside.txt ()");
        Result failed = fixture.build("bad-run", Options.defaults());
        assertThat(failed.error()).isInstanceOf(BuildFailedException.class)
                .hasMessage("The command '/bin/sh -c echo \"about to fail\" && exit 3' returned a non-zero code: 3");
        assertThat(((BuildFailedException) failed.error()).exitCode()).isEqualTo(3);
        assertThat(failed.output()).contains("about to fail\n");
        assertThat(fixture.build("bad-cycle", Options.defaults()).error())
                .hasMessage("circular dependency detected on stage: second");
        assertThat(fixture.build("bad-from", Options.defaults()).error()).hasMessageStartingWith(
                "invalid from flag value nosuchstage: pull access denied for nosuchstage");
        assertThat(fixture.build("bad-syntax", Options.defaults()).error()).isInstanceOf(DockerfileSyntaxException.class)
                .hasMessage("dockerfile parse error on line 3: unknown instruction: FOO");
        assertThat(fixture.build("none", Options.defaults().text("FROM nosuch/image\n")).error()).hasMessage(
                "pull access denied for nosuch/image, repository does not exist or may require 'docker login': denied: requested access to the resource is denied");
        assertThat(fixture.build("basic", Options.defaults().target("nosuch")).error())
                .hasMessage("failed to reach build target nosuch in Dockerfile");
        assertThat(fixture.images.lookup("bad-run")).isEmpty();
        assertThat(ImageReference.parse("busybox").familiarName()).isEqualTo("busybox");
    }
}
