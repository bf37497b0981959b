package dev.wharf.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.linux.Syscalls;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upper directory → layer tar → applied again; diff of an upper directory; cp's extraction options. Needs root. */
class OverlayLayersTest {
    @TempDir
    Path upper;

    @TempDir
    Path lower;

    @TempDir
    Path applied;

    /** An upper dir as overlayfs leaves it: a new file, a whiteout, an opaque directory, a hardlink pair. */
    private void makeUpper() throws IOException {
        Files.createDirectories(upper.resolve("etc"));
        Files.writeString(upper.resolve("etc/new"), "new\n");
        Syscalls.mknod(upper.resolve("etc/gone"), Syscalls.S_IFCHR, Syscalls.makedev(0, 0));
        Files.createDirectories(upper.resolve("opaque"));
        Syscalls.setXattr(upper.resolve("opaque"), "trusted.overlay.opaque", "y".getBytes(StandardCharsets.US_ASCII));
        Files.writeString(upper.resolve("opaque/only"), "only\n");
        Files.writeString(upper.resolve("a"), "same inode\n");
        Files.createLink(upper.resolve("b"), upper.resolve("a"));
        Syscalls.lchown(upper.resolve("a"), 1000, 1001);
        Syscalls.chmod(upper.resolve("a"), 04755);
        Files.createSymbolicLink(upper.resolve("link"), Path.of("/etc/passwd"));
    }

    @Test
    void writesDockerWhiteoutsAndAppliesBackToTheSameTree() throws IOException {
        makeUpper();
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        OverlayLayers.Written written = OverlayLayers.write(upper, tar);
        assertThat(written.empty()).isFalse();
        assertThat(written.diffId()).isEqualTo(Digest.sha256(tar.toByteArray()));

        Map<String, TarArchiveEntry> entries = entries(tar.toByteArray());
        assertThat(entries.keySet()).containsExactly("a", "b", "etc/", "etc/.wh.gone", "etc/new", "link",
                "opaque/", "opaque/.wh..wh..opq", "opaque/only");
        assertThat(entries.get("b").isLink()).isTrue();
        assertThat(entries.get("b").getLinkName()).isEqualTo("a");
        assertThat(entries.get("a").getLongUserId()).isEqualTo(1000);
        assertThat(entries.get("a").getMode() & 07777).isEqualTo(04755);

        new TarLayerApplier().apply(new ByteArrayInputStream(tar.toByteArray()), applied);
        assertThat(Files.readString(applied.resolve("etc/new"))).isEqualTo("new\n");
        assertThat((Long) Files.getAttribute(applied.resolve("etc/gone"), "unix:rdev")).isZero();
        assertThat(Syscalls.getXattr(applied.resolve("opaque"), "trusted.overlay.opaque")).containsExactly('y');
        assertThat(Files.getAttribute(applied.resolve("b"), "unix:ino")).isEqualTo(Files.getAttribute(applied.resolve("a"), "unix:ino"));
        assertThat(Files.readSymbolicLink(applied.resolve("link"))).isEqualTo(Path.of("/etc/passwd"));
    }

    @Test
    void anEmptyUpperDirectoryIsAnEmptyLayer() throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        assertThat(OverlayLayers.write(upper, tar).empty()).isTrue();
        assertThat(entries(tar.toByteArray())).isEmpty();
    }

    @Test
    void changesAreAddedModifiedOrDeleted() throws IOException {
        makeUpper();
        Files.createDirectories(lower.resolve("etc"));
        Files.writeString(lower.resolve("etc/gone"), "was here\n");
        Files.writeString(lower.resolve("a"), "old\n");
        Files.createDirectories(lower.resolve("opaque"));
        List<String> changes = OverlayChanges.compute(upper, List.of(lower)).stream()
                .map(c -> c.kind().letter() + " " + c.path()).toList();
        assertThat(changes).containsExactly("C /a", "A /b", "C /etc", "D /etc/gone", "A /etc/new", "A /link",
                "D /opaque", "A /opaque/only");
    }

    @Test
    void aCopyTakesWhiteoutNamesLiterallyAndCanRefuseDirectoryFileSwaps() throws IOException {
        byte[] tar = TarLayerApplierTest.tar(t -> t.file(".wh.literal", 0644, new byte[0]).file("dir", 0644, new byte[0]));
        Files.createDirectories(applied.resolve("dir"));
        var copy = new TarLayerApplier(ExtractOptions.copy(true, new ExtractOptions.Owners.Extractor(), null));
        assertThatThrownBy(() -> copy.apply(new ByteArrayInputStream(tar), applied))
                .isInstanceOf(LayerException.class).hasMessageContaining("cannot overwrite directory");
        assertThat(applied.resolve(".wh.literal")).isRegularFile();
    }

    @Test
    void aCopyResolvesSymlinkedParentsThroughTheGivenResolver() throws IOException {
        Files.createSymbolicLink(applied.resolve("bin"), Path.of("/usr/bin"));
        Path inScope = Files.createDirectories(lower.resolve("usr/bin"));
        byte[] tar = TarLayerApplierTest.tar(t -> t.file("bin/tool", 0755, "x".getBytes(StandardCharsets.UTF_8)));
        var copy = new TarLayerApplier(ExtractOptions.copy(false, new ExtractOptions.Owners.FromArchive(),
                symlink -> inScope));
        copy.apply(new ByteArrayInputStream(tar), applied);
        assertThat(inScope.resolve("tool")).hasContent("x");
    }

    private static Map<String, TarArchiveEntry> entries(byte[] tar) throws IOException {
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        try (var in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), e);
            }
        }
        return entries;
    }
}
