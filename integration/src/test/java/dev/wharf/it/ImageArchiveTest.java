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
        byte[] layer = Tarballs.shellRootfs();
        String diffId = RegistryWriter.sha256(layer);
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"sh\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + diffId + "\"]}}").getBytes(StandardCharsets.UTF_8);
        String configHex = RegistryWriter.sha256(config).substring("sha256:".length());
        String layerDir = "aaaa" + configHex.substring(4);
        byte[] manifest = ("[{\"Config\":\"" + configHex + ".json\",\"RepoTags\":[\"legacy/app:7\"],\"Layers\":[\""
                + layerDir + "/layer.tar\"]}]").getBytes(StandardCharsets.UTF_8);
        byte[] archive = Tarballs.tar(Tarballs.directory(layerDir), Tarballs.file(layerDir + "/VERSION", "1.0"),
                Tarballs.file(layerDir + "/layer.tar", layer, 0644), Tarballs.file(configHex + ".json", config, 0644),
                Tarballs.file("manifest.json", manifest, 0644),
                Tarballs.file("repositories", "{\"legacy/app\":{\"7\":\"" + layerDir + "\"}}"));
        Path file = root.resolve("legacy.tar");
        Files.write(file, RegistryWriter.gzip(archive));

        assertThat(dockerOk("load", "-i", file.toString())).contains("Loaded image: legacy/app:7");
        assertThat(TestImages.id(wharf, "legacy/app:7")).isEqualTo("sha256:" + configHex);
        assertThat(wharfOk("run", "--rm", "legacy/app:7", "echo", "legacy")).isEqualTo("legacy\n");
        wharfOk("rmi", "legacy/app:7");
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
