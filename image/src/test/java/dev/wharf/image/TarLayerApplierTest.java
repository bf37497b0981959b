package dev.wharf.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.linux.Syscalls;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarLayerApplierTest {
    private static final Instant MTIME = Instant.parse("2020-01-02T03:04:05Z");
    private final TarLayerApplier applier = new TarLayerApplier();

    @TempDir
    Path root;

    @TempDir
    Path outside;

    interface Entries {
        void write(TarWriter tar) throws IOException;
    }

    static byte[] tar(Entries entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarWriter tar = new TarWriter(bytes, MTIME)) {
            entries.write(tar);
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(content);
        }
        return bytes.toByteArray();
    }

    private Digest apply(byte[] layer) throws IOException {
        return applier.apply(new ByteArrayInputStream(layer), root);
    }

    private static int mode(Path path) throws IOException {
        return (int) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void appliesFilesDirectoriesLinksAndDevices() throws IOException {
        byte[] layer = tar(t -> {
            t.directory("etc", 0755);
            t.file("etc/hosts", 0640, "127.0.0.1 localhost\n".getBytes(StandardCharsets.UTF_8));
            t.directory("tmp", 01777);
            t.symlink("etc/link", "/etc/hosts");
            t.hardlink("etc/hosts2", "etc/hosts");
            t.characterDevice("dev/null", 0666, 1, 3);
            t.fifo("run/fifo", 0600);
            TarArchiveEntry owned = t.entry("home/user/file", TarConstants.LF_NORMAL, 04755);
            owned.setIds(1000, 1001);
            owned.setSize(1);
            t.add(owned, new byte[] {'x'});
        });

        Digest diffId = apply(layer);

        assertThat(diffId).isEqualTo(Digest.sha256(layer));
        assertThat(root.resolve("etc/hosts")).hasContent("127.0.0.1 localhost");
        assertThat(mode(root.resolve("etc/hosts")) & 07777).isEqualTo(0640);
        assertThat(mode(root.resolve("tmp")) & 07777).isEqualTo(01777);
        assertThat(Files.readSymbolicLink(root.resolve("etc/link"))).isEqualTo(Path.of("/etc/hosts"));
        assertThat(Files.isSameFile(root.resolve("etc/hosts"), root.resolve("etc/hosts2"))).isTrue();
        assertThat(mode(root.resolve("dev/null")) & 0170000).isEqualTo(Syscalls.S_IFCHR);
        assertThat(Files.getAttribute(root.resolve("dev/null"), "unix:rdev")).isEqualTo(Syscalls.makedev(1, 3));
        assertThat(mode(root.resolve("run/fifo")) & 0170000).isEqualTo(0010000);
        Path owned = root.resolve("home/user/file");
        assertThat(Files.getAttribute(owned, "unix:uid")).isEqualTo(1000);
        assertThat(Files.getAttribute(owned, "unix:gid")).isEqualTo(1001);
        assertThat(mode(owned) & 07777).isEqualTo(04755);
        assertThat(Files.getLastModifiedTime(root.resolve("etc")).toInstant()).isEqualTo(MTIME);
        assertThat(Files.getLastModifiedTime(root.resolve("etc/link"), LinkOption.NOFOLLOW_LINKS).toInstant())
                .isEqualTo(MTIME);
    }

    @Test
    void gzipLayerHasTheDiffIdOfItsUncompressedTar() throws IOException {
        byte[] layer = tar(t -> t.file("a", 0644, new byte[] {1, 2, 3}));

        assertThat(apply(gzip(layer))).isEqualTo(Digest.sha256(layer));
        assertThat(root.resolve("a")).hasBinaryContent(new byte[] {1, 2, 3});
    }

    @Test
    void whiteoutsBecomeOverlayWhiteouts() throws IOException {
        apply(tar(t -> {
            t.file("dir/gone", 0644, new byte[0]);
            t.file(".wh.gone-too", 0644, new byte[0]);
            t.file("dir/.wh.gone", 0644, new byte[0]);
            t.directory("opaque", 0755);
            t.file("opaque/.wh..wh..opq", 0644, new byte[0]);
            t.file("opaque/kept", 0644, new byte[0]);
        }));

        for (Path whiteout : new Path[] {root.resolve("dir/gone"), root.resolve("gone-too")}) {
            assertThat(mode(whiteout) & 0170000).isEqualTo(Syscalls.S_IFCHR);
            assertThat(Files.getAttribute(whiteout, "unix:rdev")).isEqualTo(0L);
        }
        assertThat(root.resolve("dir/.wh.gone")).doesNotExist();
        assertThat(Syscalls.getXattr(root.resolve("opaque"), "trusted.overlay.opaque")).isEqualTo(new byte[] {'y'});
        assertThat(root.resolve("opaque/.wh..wh..opq")).doesNotExist();
        assertThat(root.resolve("opaque/kept")).exists();
    }

    @Test
    void refusesParentTraversal() throws IOException {
        byte[] layer = tar(t -> t.file("../evil", 0644, new byte[0]));

        assertThatThrownBy(() -> apply(layer)).isInstanceOf(LayerException.class).hasMessageContaining("../evil");
        assertThat(root.resolveSibling("evil")).doesNotExist();
    }

    @Test
    void refusesTraversalInTheMiddle() throws IOException {
        byte[] layer = tar(t -> t.file("a/../../evil", 0644, new byte[0]));

        assertThatThrownBy(() -> apply(layer)).isInstanceOf(LayerException.class).hasMessageContaining("a/../../evil");
    }

    @Test
    void refusesAbsoluteNames() throws IOException {
        byte[] layer = tar(t -> t.file("/abs", 0644, new byte[0]));

        assertThatThrownBy(() -> apply(layer)).isInstanceOf(LayerException.class).hasMessageContaining("/abs");
    }

    @Test
    void refusesWritingThroughASymlinkedParent() throws IOException {
        byte[] layer = tar(t -> {
            t.symlink("link", outside.toString());
            t.file("link/x", 0644, new byte[0]);
        });

        assertThatThrownBy(() -> apply(layer)).isInstanceOf(LayerException.class)
                .hasMessageContaining("link/x").hasMessageContaining("symbolic link");
        assertThat(outside.resolve("x")).doesNotExist();
    }

    @Test
    void replacesASymlinkEntryInsteadOfFollowingIt() throws IOException {
        Path victim = Files.writeString(outside.resolve("victim"), "safe");
        byte[] layer = tar(t -> {
            t.symlink("f", victim.toString());
            t.file("f", 0644, "owned".getBytes(StandardCharsets.UTF_8));
        });

        apply(layer);

        assertThat(victim).hasContent("safe");
        assertThat(root.resolve("f")).hasContent("owned");
    }

    @Test
    void refusesHardlinksOutOfTheRoot() throws IOException {
        Files.writeString(outside.resolve("secret"), "s");
        byte[] layer = tar(t -> t.hardlink("h", "../" + outside.getFileName() + "/secret"));

        assertThatThrownBy(() -> apply(layer)).isInstanceOf(LayerException.class).hasMessageContaining("h");
        assertThat(root.resolve("h")).doesNotExist();
    }

    @Test
    void refusesHardlinksThroughASymlink() throws IOException {
        Files.writeString(outside.resolve("secret"), "s");
        byte[] layer = tar(t -> {
            t.symlink("out", outside.toString());
            t.hardlink("h", "out/secret");
        });

        assertThatThrownBy(() -> apply(layer)).isInstanceOf(LayerException.class)
                .hasMessageContaining("h").hasMessageContaining("symbolic link");
    }

    @Test
    void malformedTarIsALayerException() {
        byte[] garbage = new byte[1024];
        java.util.Arrays.fill(garbage, (byte) 'x');

        assertThatThrownBy(() -> apply(garbage)).isInstanceOf(LayerException.class);
    }
}
