package dev.wharf.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.image.Digest;
import dev.wharf.image.TarWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link Snapshotter} must do; implementations extend this with their factory. */
public abstract class SnapshotterContract {
    @TempDir
    protected Path root;

    protected Snapshotter snapshotter;

    /** A snapshotter over {@code root}; called again to simulate a restart. */
    protected abstract Snapshotter newSnapshotter(Path root) throws IOException;

    @BeforeEach
    void setUp() throws IOException {
        snapshotter = newSnapshotter(root);
    }

    @AfterEach
    void unmountEverything() throws IOException {
        for (String id : List.of("c1", "c2", "empty")) {
            snapshotter.remove(id);
        }
    }

    @Test
    void unpacksALayerOnceKeyedByItsDiffId() throws IOException {
        byte[] tar = tar(w -> w.file("hello.txt", 0644, bytes("hello")));
        Digest diffId = Digest.sha256(tar);
        assertThat(snapshotter.hasLayer(diffId)).isFalse();

        snapshotter.unpackLayer(diffId, new ByteArrayInputStream(tar));
        snapshotter.unpackLayer(diffId, new ByteArrayInputStream(tar));

        assertThat(snapshotter.hasLayer(diffId)).isTrue();
        assertThat(newSnapshotter(root).hasLayer(diffId)).isTrue();
    }

    @Test
    void refusesALayerWhoseContentDoesNotMatchAndKeepsNothing() throws IOException {
        byte[] tar = tar(w -> w.file("hello.txt", 0644, bytes("hello")));
        Digest wrong = Digest.sha256(bytes("something else"));

        assertThatThrownBy(() -> snapshotter.unpackLayer(wrong, new ByteArrayInputStream(tar)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("mismatch");
        assertThat(snapshotter.hasLayer(wrong)).isFalse();
        assertThat(snapshotter.hasLayer(Digest.sha256(tar))).isFalse();
    }

    @Test
    void mountsLayersTopOverBottomWithAPrivateWritableLayer() throws IOException {
        Digest bottom = unpack(tar(w -> w.file("a.txt", 0644, bytes("bottom")).file("b.txt", 0644, bytes("b"))));
        Digest top = unpack(tar(w -> w.file("a.txt", 0644, bytes("top")).characterDevice(".wh.b.txt", 0, 0, 0)));

        Path merged = snapshotter.mountRootfs("c1", List.of(bottom, top));
        assertThat(Files.readString(merged.resolve("a.txt"))).isEqualTo("top");
        assertThat(merged.resolve("b.txt")).doesNotExist();

        Files.writeString(merged.resolve("new.txt"), "written");
        assertThat(snapshotter.upperDir("c1").resolve("new.txt")).hasContent("written");

        Path other = snapshotter.mountRootfs("c2", List.of(bottom));
        assertThat(Files.readString(other.resolve("a.txt"))).isEqualTo("bottom");
        assertThat(other.resolve("new.txt")).doesNotExist();
    }

    @Test
    void mountingTwiceReturnsTheSameMount() throws IOException {
        Digest layer = unpack(tar(w -> w.file("a.txt", 0644, bytes("a"))));
        Path first = snapshotter.mountRootfs("c1", List.of(layer));
        Files.writeString(first.resolve("kept.txt"), "kept");
        Path second = snapshotter.mountRootfs("c1", List.of(layer));
        assertThat(second).isEqualTo(first);
        assertThat(second.resolve("kept.txt")).hasContent("kept");
    }

    @Test
    void anImageWithoutLayersGetsOnlyTheRuntimeMountPoints() throws IOException {
        Path merged = snapshotter.mountRootfs("empty", List.of());
        try (var entries = Files.list(merged)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(".dockerenv", "dev", "etc", "proc", "sys");
        }
        assertThat(merged.resolve("etc/hostname")).isEmptyFile();
        assertThat(snapshotter.changes("empty", List.of())).as("the init layer is not a change").isEmpty();
    }

    @Test
    void unmountKeepsTheWritableLayerAndRemoveDeletesIt() throws IOException {
        Digest layer = unpack(tar(w -> w.file("a.txt", 0644, bytes("a"))));
        Path merged = snapshotter.mountRootfs("c1", List.of(layer));
        Files.writeString(merged.resolve("new.txt"), "x");

        snapshotter.unmountRootfs("c1");
        snapshotter.unmountRootfs("c1");
        assertThat(merged.resolve("a.txt")).doesNotExist();
        assertThat(snapshotter.upperDir("c1").resolve("new.txt")).exists();

        snapshotter.remove("c1");
        assertThat(snapshotter.upperDir("c1")).doesNotExist();
        assertThat(snapshotter.hasLayer(layer)).isTrue();
    }

    @Test
    void commitTurnsTheWritableLayerIntoALayer() throws IOException {
        Digest base = unpack(tar(w -> w.file("a.txt", 0644, bytes("a"))));
        Path merged = snapshotter.mountRootfs("c1", List.of(base));
        Files.writeString(merged.resolve("step.txt"), "step");
        Files.delete(merged.resolve("a.txt"));
        Digest step = Digest.sha256(bytes("the diff of c1"));

        snapshotter.commit("c1", step);

        assertThat(snapshotter.hasLayer(step)).isTrue();
        assertThat(snapshotter.upperDir("c1")).doesNotExist();
        Path next = snapshotter.mountRootfs("c2", List.of(base, step));
        assertThat(next.resolve("step.txt")).hasContent("step");
        assertThat(next.resolve("a.txt")).doesNotExist();
    }

    @Test
    void mountsMoreLayersThanOnePageOfMountOptionsHolds() throws IOException {
        List<Digest> layers = new java.util.ArrayList<>();
        for (int i = 0; i < 80; i++) {
            int n = i;
            layers.add(unpack(tar(w -> w.file("layer-" + n + ".txt", 0644, bytes("layer " + n))
                    .file("top.txt", 0644, bytes("from " + n)))));
        }
        Path merged = snapshotter.mountRootfs("c1", layers);
        assertThat(merged.resolve("layer-0.txt")).hasContent("layer 0");
        assertThat(merged.resolve("layer-79.txt")).hasContent("layer 79");
        assertThat(merged.resolve("top.txt")).hasContent("from 79");
    }

    @Test
    void removesALayer() throws IOException {
        Digest layer = unpack(tar(w -> w.file("a.txt", 0644, bytes("a"))));
        snapshotter.removeLayer(layer);
        assertThat(snapshotter.hasLayer(layer)).isFalse();
    }

    protected Digest unpack(byte[] tar) throws IOException {
        Digest diffId = Digest.sha256(tar);
        snapshotter.unpackLayer(diffId, new ByteArrayInputStream(tar));
        return diffId;
    }

    protected interface TarContent {
        void write(TarWriter writer) throws IOException;
    }

    protected static byte[] tar(TarContent content) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var writer = new TarWriter(out, Instant.EPOCH)) {
            content.write(writer);
            writer.finish();
        }
        return out.toByteArray();
    }

    protected static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
