package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** save/load (both layouts), history, image and system prune, builder prune and system df through both CLIs. */
class ImageArchiveTest extends EndToEndTest {

    @Test
    void saveAndLoadKeepIdsAndTags() throws Exception {
        TestImages.importShell(wharf, "archive/app:1");
        wharfOk("tag", "archive/app:1", "archive/app:2");
        String id = TestImages.id(wharf, "archive/app:1");
        Path dockerSaved = root.resolve("docker-saved.tar");
        dockerOk("save", "-o", dockerSaved.toString(), "archive/app:1", "archive/app:2");
        Path wharfSaved = root.resolve("wharf-saved.tar");
        wharfOk("save", "-o", wharfSaved.toString(), "archive/app");
        dockerOk("rmi", "archive/app:1", "archive/app:2");

        assertThat(dockerOk("load", "-i", dockerSaved.toString()))
                .contains("Loaded image: archive/app:1", "Loaded image: archive/app:2");
        assertThat(TestImages.id(wharf, "archive/app:2")).isEqualTo(id);
        assertThat(dockerOk("run", "--rm", "archive/app:1", "echo", "loaded")).isEqualTo("loaded\n");
        dockerOk("rmi", "archive/app:1", "archive/app:2");

        CommandResult load = wharf.runWithInput(Files.readAllBytes(wharfSaved), "load");
        assertThat(load.exitCode()).as(load.toString()).isZero();
        assertThat(load.stdout()).contains("Loaded image: archive/app:1", "Loaded image: archive/app:2");
        assertThat(TestImages.id(wharf, "archive/app:1")).isEqualTo(id);
        wharfOk("rmi", "archive/app:1", "archive/app:2");
    }

    @Test
    void aLegacyDockerArchiveLoads() throws Exception {
        byte[] config = config(Tarballs.shellRootfs());
        Path file = legacyArchive("legacy/app:7", Tarballs.shellRootfs(), config);

        assertThat(dockerOk("load", "-i", file.toString())).contains("Loaded image: legacy/app:7");
        assertThat(TestImages.id(wharf, "legacy/app:7")).isEqualTo(RegistryWriter.sha256(config));
        assertThat(wharfOk("run", "--rm", "legacy/app:7", "echo", "legacy")).isEqualTo("legacy\n");
        wharfOk("rmi", "legacy/app:7");
    }

    /** As the docker CLI: "Loading layer" bars per new layer on a terminal only, and not with -q. */
    @Test
    void loadShowsLoadingLayerProgressOnATerminal() throws Exception {
        for (Cli cli : new Cli[] {wharf, docker}) {
            String name = cli == wharf ? "wharf" : "docker";
            byte[] shown = Tarballs.tar(Tarballs.file(name + "-shown.txt", name));
            Path file = legacyArchive("progress/" + name + ":1", shown, config(shown));
            try (PtySession session = cli.inPty("load", "-i", file.toString())) {
                session.expect(RegistryWriter.sha256(shown).substring(7, 19) + ": Loading layer")
                        .expect("Loaded image: progress/" + name + ":1");
                assertThat(session.exitCode()).isZero();
            }

            byte[] quiet = Tarballs.tar(Tarballs.file(name + "-quiet.txt", name));
            file = legacyArchive("progress/" + name + ":2", quiet, config(quiet));
            try (PtySession session = cli.inPty("load", "-q", "-i", file.toString())) {
                session.expect("Loaded image: progress/" + name + ":2");
                assertThat(session.exitCode()).isZero();
                assertThat(session.screen()).doesNotContain("Loading layer");
            }

            byte[] piped = Tarballs.tar(Tarballs.file(name + "-piped.txt", name));
            file = legacyArchive("progress/" + name + ":3", piped, config(piped));
            CommandResult load = cli.run("load", "-i", file.toString());
            assertThat(load.exitCode()).as(load.toString()).isZero();
            assertThat(load.stdout()).isEqualTo("Loaded image: progress/" + name + ":3\n");
            wharfOk("rmi", "progress/" + name + ":1", "progress/" + name + ":2", "progress/" + name + ":3");
        }
    }

    /** An image config for one layer. */
    private static byte[] config(byte[] layer) {
        return ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"sh\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + RegistryWriter.sha256(layer) + "\"]}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A gzip docker-archive in the legacy layout ({@code <id>/layer.tar}, {@code repositories}) of one image. */
    private Path legacyArchive(String tag, byte[] layer, byte[] config) throws Exception {
        String configHex = RegistryWriter.sha256(config).substring("sha256:".length());
        String layerDir = "aaaa" + configHex.substring(4);
        byte[] manifest = ("[{\"Config\":\"" + configHex + ".json\",\"RepoTags\":[\"" + tag + "\"],\"Layers\":[\""
                + layerDir + "/layer.tar\"]}]").getBytes(StandardCharsets.UTF_8);
        String repository = tag.substring(0, tag.lastIndexOf(':'));
        String version = tag.substring(tag.lastIndexOf(':') + 1);
        byte[] archive = Tarballs.tar(Tarballs.directory(layerDir), Tarballs.file(layerDir + "/VERSION", "1.0"),
                Tarballs.file(layerDir + "/layer.tar", layer, 0644), Tarballs.file(configHex + ".json", config, 0644),
                Tarballs.file("manifest.json", manifest, 0644),
                Tarballs.file("repositories", "{\"" + repository + "\":{\"" + version + "\":\"" + layerDir + "\"}}"));
        Path file = root.resolve(configHex + ".tar");
        Files.write(file, RegistryWriter.gzip(archive));
        return file;
    }

    /**
     * {@code docker save} output of the real Docker engine (Debian's docker.io 20.10, legacy layout), made
     * once from a one-file rootfs with {@code docker import -c 'LABEL origin=dockerd'}: the test must not
     * start dockerd, so the archive is a checked-in resource.
     */
    @Test
    void aDockerSaveTarballFromTheRealEngineLoads() throws Exception {
        Path archive = Path.of(getClass().getResource("/docker-20.10-save.tar").toURI());
        assertThat(wharfOk("load", "-i", archive.toString())).contains("Loaded image: from-docker:1");
        assertThat(TestImages.id(wharf, "from-docker:1"))
                .isEqualTo("sha256:4fa09942c6c03b67fc013513a7479704ed6318afb9b20045779c826492a791f6");
        assertThat(dockerOk("image", "inspect", "--format", "{{.Config.Labels.origin}}", "from-docker:1"))
                .isEqualTo("dockerd\n");
        wharfOk("rmi", "from-docker:1");
    }

    @Test
    void aCorruptArchiveIsRefusedAndStoresNothing() throws Exception {
        long blobsBefore = blobCount();
        String imagesBefore = wharfOk("images", "-q", "--no-trunc");
        byte[] good = Tarballs.tar(Tarballs.file("blobs/sha256/" + "0".repeat(64), "not what the name says"),
                Tarballs.file("manifest.json", "[]"));
        byte[] truncated = Arrays.copyOf(Tarballs.tar(Tarballs.file("blobs/sha256/x", new byte[4096], 0644)), 1000);
        for (byte[] bad : new byte[][] {"garbage, not a tar".getBytes(StandardCharsets.UTF_8), good, truncated}) {
            Path file = root.resolve("bad.tar");
            Files.write(file, bad);
            CommandResult load = docker.run("load", "-i", file.toString());
            assertThat(load.exitCode()).as(load.toString()).isEqualTo(1);
            assertThat(load.stderr()).contains("Error response from daemon: invalid archive");
        }
        assertThat(wharfOk("images", "-q", "--no-trunc")).isEqualTo(imagesBefore);
        assertThat(blobCount()).isEqualTo(blobsBefore);
    }

    @Test
    void historyShowsTheConfigHistory() throws Exception {
        CommandResult result = wharf.runWithInput(Tarballs.shellRootfs(), "import", "-m", "made by the test", "-",
                "history/app:1");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(dockerOk("history", "history/app:1")).contains("IMAGE", "CREATED BY", "made by the test");
        assertThat(wharfOk("history", "--no-trunc", "history/app:1"))
                .startsWith("IMAGE").contains(TestImages.id(wharf, "history/app:1"), "made by the test");
        wharfOk("rmi", "history/app:1");
    }

    /** As dockerd: the unpacked layer of a removed image goes with it, while a layer other images share stays. */
    @Test
    void removingAnImageDeletesTheUnpackedLayersNothingElseUses() throws Exception {
        wharfOk("run", "--name", "layer-maker", "busybox", "sh", "-c", "echo x > /made");
        wharfOk("commit", "layer-maker", "layers/made:1");
        wharfOk("rm", "layer-maker");
        assertThat(wharfOk("run", "--rm", "layers/made:1", "cat", "/made")).isEqualTo("x\n"); // unpacks the new layer
        Path layers = daemon.dataRoot().resolve("overlay/layers");
        String base = dockerOk("inspect", "-f", "{{index .RootFS.Layers 0}}", "layers/made:1").strip();
        String top = dockerOk("inspect", "-f", "{{index .RootFS.Layers 1}}", "layers/made:1").strip();
        assertThat(layers.resolve(top.substring("sha256:".length()))).isDirectory();

        dockerOk("rmi", "layers/made:1");
        assertThat(layers.resolve(top.substring("sha256:".length()))).doesNotExist();
        assertThat(layers.resolve(base.substring("sha256:".length()))).as("busybox's layer").isDirectory();
        assertThat(wharfOk("run", "--rm", "busybox", "echo", "still runs")).isEqualTo("still runs\n");
    }

    @Test
    void imagePruneRemovesDanglingThenUnusedImages() throws Exception {
        CommandResult untagged = wharf.runWithInput(Tarballs.tar(Tarballs.file("dangling.txt", "d\n")), "import", "-");
        String dangling = untagged.stdout().strip();
        CommandResult labelled = wharf.runWithInput(Tarballs.tar(Tarballs.file("kept.txt", "k\n")), "import",
                "--change", "LABEL prune-test=1", "-", "prune/kept:1");
        assertThat(labelled.exitCode()).isZero();

        assertThat(dockerOk("image", "prune", "-f")).contains("deleted: " + dangling, "Total reclaimed space:");
        assertThat(wharf.run("inspect", "--type", "image", dangling).exitCode()).isNotZero();
        assertThat(wharfOk("image", "prune", "-a", "-f", "--filter", "label=prune-test=1"))
                .contains("untagged: prune/kept:1", "Total reclaimed space:");
        assertThat(wharf.run("inspect", "--type", "image", "prune/kept:1").exitCode()).isNotZero();
        assertThat(TestImages.id(wharf, "busybox")).startsWith("sha256:");
    }

    @Test
    void systemPruneAlsoRemovesUnusedNetworksAndTheBuildCache() throws Exception {
        wharfOk("network", "create", "prune-net-a");
        assertThat(wharfOk("system", "prune", "-f"))
                .contains("Deleted Networks:\nprune-net-a\n\n", "Total reclaimed space:");
        assertThat(wharf.run("network", "inspect", "prune-net-a").exitCode()).isNotZero();
        wharfOk("network", "create", "prune-net-b");
        assertThat(dockerOk("system", "prune", "-f")).contains("Deleted Networks:", "prune-net-b", "Total reclaimed space:");
        assertThat(wharf.run("network", "inspect", "prune-net-b").exitCode()).isNotZero();
        assertThat(wharfOk("builder", "prune", "-f")).isEqualTo("Total reclaimed space: 0B\n");
    }

    @Test
    void builderPruneReportsTheCacheEntriesItDeleted() throws Exception {
        Path context = Files.createDirectories(root.resolve("prune-context"));
        Files.writeString(context.resolve("Dockerfile"), "FROM busybox\nRUN echo cached > /cached.txt\nLABEL step=two\n");
        wharfOk("build", "-t", "prune/built:1", context.toString());
        assertThat(wharfOk("build", "-t", "prune/built:1", context.toString())).contains("Using cache");

        String pruned = dockerOk("builder", "prune", "-f");
        assertThat(pruned).startsWith("Deleted build cache objects:\n").contains("\n\nTotal reclaimed space: ")
                .doesNotContain("Total reclaimed space: 0B");
        assertThat(pruned.lines().skip(1).takeWhile(line -> !line.isEmpty()).toList()).hasSize(2)
                .allMatch(id -> id.matches("[0-9a-f]{64}"));
        assertThat(wharfOk("builder", "prune", "-f")).isEqualTo("Total reclaimed space: 0B\n");
        assertThat(wharfOk("build", "-t", "prune/built:1", context.toString())).doesNotContain("Using cache");
        wharfOk("rmi", "prune/built:1");
    }

    @Test
    void systemDfSummarisesImagesAndContainers() throws Exception {
        assertThat(dockerOk("system", "df")).contains("TYPE", "Images", "Containers", "Local Volumes", "Build Cache");
        assertThat(wharfOk("system", "df")).startsWith("TYPE").contains("Images", "Containers");
    }

    private long blobCount() throws Exception {
        try (Stream<Path> files = Files.list(daemon.dataRoot().resolve("content/blobs/sha256"))) {
            return files.count();
        }
    }
}
