package dev.wharf.runtime.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link VolumeStore} must do; implementations extend this with their factory. */
public abstract class VolumeStoreContract {
    @TempDir
    protected Path root;

    protected VolumeStore store;

    /** A store over {@code root}; called again to simulate a daemon restart. */
    protected abstract VolumeStore newStore(Path root) throws IOException;

    @BeforeEach
    void setUp() throws IOException {
        store = newStore(root);
    }

    @Test
    void aCreatedVolumeIsListedAndSurvivesARestartWithItsData() throws IOException {
        VolumeRecord created = store.create("data", Map.of("team", "a"), null);
        assertThat(created.driver()).isEqualTo("local");
        assertThat(created.labels()).isEqualTo(Map.of("team", "a"));
        assertThat(created.options()).isNull();
        Files.writeString(store.dataDir("data").resolve("f"), "x");

        VolumeStore reopened = newStore(root);
        assertThat(reopened.list()).containsExactly(created);
        assertThat(reopened.get("data")).contains(created);
        assertThat(reopened.dataDir("data").resolve("f")).hasContent("x");
    }

    @Test
    void namesAreUniqueAndValidated() throws IOException {
        store.create("once", null, null);
        assertThatThrownBy(() -> store.create("once", null, null))
                .isInstanceOfSatisfying(VolumeException.class, e -> assertThat(e.kind()).isEqualTo(VolumeException.Kind.CONFLICT));
        for (String bad : new String[] {"a", "-x", "has space", "../up", "a/b"}) {
            assertThatThrownBy(() -> store.create(bad, null, null)).as(bad)
                    .isInstanceOfSatisfying(VolumeException.class, e -> assertThat(e.kind()).isEqualTo(VolumeException.Kind.INVALID));
        }
        assertThatThrownBy(() -> store.create("opts", null, Map.of("color", "red")))
                .hasMessageContaining("invalid option key: \"color\"");
        assertThat(store.list()).extracting(VolumeRecord::name).containsExactly("once");
    }

    @Test
    void removalDeletesDataButNotWhatSymlinksPointTo() throws IOException {
        Path outside = Files.writeString(root.getParent().resolve(root.getFileName() + "-outside"), "keep");
        try {
            store.create("doomed", null, null);
            Files.createSymbolicLink(store.dataDir("doomed").resolve("link"), outside);
            store.remove("doomed");
            assertThat(store.get("doomed")).isEmpty();
            assertThat(root.resolve("doomed")).doesNotExist();
            assertThat(outside).hasContent("keep");
            assertThatThrownBy(() -> store.remove("doomed"))
                    .isInstanceOfSatisfying(VolumeException.class, e -> assertThat(e.kind()).isEqualTo(VolumeException.Kind.NOT_FOUND));
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void anonymousVolumesCarryDockersLabel() throws IOException {
        VolumeRecord anonymous = store.create("0123abcd", Map.of(VolumeRecord.ANONYMOUS_LABEL, ""), null);
        assertThat(anonymous.anonymous()).isTrue();
        assertThat(store.create("named", null, null).anonymous()).isFalse();
    }
}
