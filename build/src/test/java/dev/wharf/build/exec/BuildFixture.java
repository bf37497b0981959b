package dev.wharf.build.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.build.BuildNetwork;
import dev.wharf.build.BuildOutput;
import dev.wharf.build.BuildRequest;
import dev.wharf.build.StepContainerKeeper;
import dev.wharf.build.FileBuildCache;
import dev.wharf.build.context.ContextArchive;
import dev.wharf.build.context.ContextIndex;
import dev.wharf.build.image.BuiltImageConfig;
import dev.wharf.image.BlobStore;
import dev.wharf.image.BusyboxImage;
import dev.wharf.image.Compression;
import dev.wharf.image.Digest;
import dev.wharf.image.FileBlobStore;
import dev.wharf.image.FileImageStore;
import dev.wharf.image.Image;
import dev.wharf.image.ImageReference;
import dev.wharf.image.ImageStore;
import dev.wharf.image.Json;
import dev.wharf.image.TarLayerApplier;
import dev.wharf.image.TreeArchiver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import dev.wharf.runtime.conmon.ConmonRuntime;
import dev.wharf.runtime.overlay.OverlaySnapshotter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A real builder on temporary stores: blob and image store, overlay snapshotter, conmon/runc with a cgroup
 * parent of its own, the built-in busybox image. {@link #close} checks that nothing of a build is left.
 */
final class BuildFixture implements AutoCloseable {
    final Path root;
    final BlobStore blobs;
    final ImageStore images;
    final OverlaySnapshotter snapshotter;
    final ConmonRuntime runtime;
    final Builder builder;
    private final String cgroupParent = "/wharf-build-test-" + UUID.randomUUID().toString().substring(0, 8);

    BuildFixture(Path root) throws IOException {
        this.root = root;
        this.blobs = new FileBlobStore(root.resolve("content"));
        this.images = new FileImageStore(root.resolve("image"), blobs);
        this.snapshotter = new OverlaySnapshotter(root.resolve("overlay"), new TarLayerApplier());
        this.runtime = new ConmonRuntime(root.resolve("exec"), ConmonRuntime.DEFAULT_RUNC, ConmonRuntime.DEFAULT_CONMON,
                cgroupParent);
        this.builder = new Builder(blobs, images, snapshotter, runtime, new FileBuildCache(root.resolve("build/cache")),
                StepContainerKeeper.NONE, BuildNetwork.ISOLATED, root.resolve("build/tmp"));
        BusyboxImage.create(blobs, images, BusyboxImage.DEFAULT_BINARY);
    }

    /** The result of one build: the image (or the error) and what the client saw. */
    record Result(Digest id, String output, Exception error) {
        Result ok() {
            assertThat(error).as("build failed; output:\n%s", output).isNull();
            return this;
        }

        int usingCache() {
            return (int) output.lines().filter(l -> l.equals(" ---> Using cache")).count();
        }
    }

    /** Options of one build, with the defaults of a plain {@code docker build}. */
    record Options(String dockerfile, String text, Map<String, String> buildArgs, Map<String, String> labels,
            boolean noCache, String target, Instant epoch, List<String> tags) {
        static Options defaults() {
            return new Options("Dockerfile", null, Map.of(), Map.of(), false, "", null, List.of());
        }

        Options args(Map<String, String> value) {
            return new Options(dockerfile, text, value, labels, noCache, target, epoch, tags);
        }

        Options labels(Map<String, String> value) {
            return new Options(dockerfile, text, buildArgs, value, noCache, target, epoch, tags);
        }

        Options withoutCache() {
            return new Options(dockerfile, text, buildArgs, labels, true, target, epoch, tags);
        }

        Options target(String value) {
            return new Options(dockerfile, text, buildArgs, labels, noCache, value, epoch, tags);
        }

        Options epoch(Instant value) {
            return new Options(dockerfile, text, buildArgs, labels, noCache, target, value, tags);
        }

        Options text(String value) {
            return new Options(dockerfile, value, buildArgs, labels, noCache, target, epoch, tags);
        }

        Options tags(String... value) {
            return new Options(dockerfile, text, buildArgs, labels, noCache, target, epoch, List.of(value));
        }
    }

    /** Builds the corpus directory {@code corpus/<name>} (copied, as a context is unpacked per build). */
    Result build(String corpus, Options options) throws IOException {
        Path context = Files.createTempDirectory(root, "ctx-");
        try {
            Path source = Path.of("src/test/resources/corpus").resolve(corpus);
            if (Files.isDirectory(source)) {
                copyTree(source, context);
            }
            return build(context, options);
        } finally {
            deleteTree(context);
        }
    }

    Result build(Path context, Options options) {
        StringBuilder output = new StringBuilder();
        BuildOutput out = new BuildOutput() {
            @Override
            public synchronized void stream(String text) {
                output.append(text);
            }

            @Override
            public void aux(Digest imageId) {}
        };
        List<ImageReference> tags = options.tags().stream().map(ImageReference::parse).toList();
        Path spool = null;
        try {
            spool = Files.createTempDirectory(root, "spool-");
            BuildRequest request = new BuildRequest(spool(context, spool), options.dockerfile(), options.text(), tags, options.buildArgs(),
                    options.labels(), options.noCache(), options.target(), "none", true, false, List.of(), options.epoch());
            return new Result(builder.build(request, out), output.toString(), null);
        } catch (IOException | RuntimeException e) {
            return new Result(null, output.toString(), e);
        } finally {
            if (spool != null) {
                deleteTree(spool);
            }
        }
    }

    /** The directory as a client sends it (a tar), spooled as wharfd does. */
    private static ContextIndex spool(Path context, Path spool) throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TreeArchiver archiver = new TreeArchiver(tar, false)) {
            archiver.addChildren(context);
            archiver.finish();
        }
        return ContextArchive.spool(new ByteArrayInputStream(tar.toByteArray()), spool);
    }

    BuiltImageConfig config(Digest id) throws IOException {
        try (InputStream in = blobs.open(id)) {
            return Json.read(in.readAllBytes(), BuiltImageConfig.class);
        }
    }

    Image image(Digest id) throws IOException {
        return images.get(id).orElseThrow();
    }

    /** Runs {@code check} on a mounted view of the image's file system; the view is removed afterwards. */
    void inRootfs(Digest id, RootfsCheck check) throws Exception {
        Snapshots snapshots = new Snapshots(blobs, snapshotter);
        String viewId = "view-" + UUID.randomUUID();
        Path rootfs = snapshots.mount(viewId, new ImageWriter(blobs, images).read(image(id)));
        try {
            check.check(rootfs);
        } finally {
            snapshots.removeQuietly(viewId);
        }
    }

    interface RootfsCheck {
        void check(Path rootfs) throws Exception;
    }

    /** The entry names of the image's layer {@code index} (negative: from the top). */
    List<String> layerEntries(Digest id, int index) throws IOException {
        var layers = image(id).manifest().layers();
        var layer = layers.get(index < 0 ? layers.size() + index : index);
        List<String> names = new ArrayList<>();
        try (InputStream in = Compression.detect(blobs.open(layer.digest())).decompressed();
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        return names;
    }

    /** What a build must never leave: mounts, snapshots, runtime bundles, scratch files, cgroups. */
    void assertNothingLeft() throws IOException {
        assertThat(Files.readAllLines(Path.of("/proc/self/mountinfo")))
                .noneMatch(line -> line.split(" ")[4].startsWith(root.toString()));
        assertThat(list(root.resolve("overlay/containers"))).isEmpty();
        assertThat(list(root.resolve("build/tmp"))).isEmpty();
        assertThat(list(root.resolve("exec")).stream().filter(p -> !p.getFileName().toString().equals("runc")))
                .isEmpty();
        for (Path hierarchy : list(Path.of("/sys/fs/cgroup"))) {
            Path dir = hierarchy.resolve(cgroupParent.substring(1));
            if (Files.isDirectory(dir)) {
                assertThat(list(dir).stream().filter(Files::isDirectory)).isEmpty();
            }
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Override
    public void close() throws IOException {
        runtime.close();
        for (Path hierarchy : list(Path.of("/sys/fs/cgroup"))) {
            Files.deleteIfExists(hierarchy.resolve(cgroupParent.substring(1)));
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
