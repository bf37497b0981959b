package dev.wharf.runtime.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.image.TarLayerApplier;
import dev.wharf.runtime.Snapshotter;
import dev.wharf.runtime.SnapshotterContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Needs root: real overlay mounts under the test's temporary directory. */
class OverlaySnapshotterTest extends SnapshotterContract {
    @Override
    protected Snapshotter newSnapshotter(Path root) throws IOException {
        return new OverlaySnapshotter(root, new TarLayerApplier());
    }

    @Test
    void startUpRemovesUnfinishedUnpacks() throws IOException {
        Path stale = Files.createDirectories(root.resolve("layers/tmp-1234/etc"));
        Files.writeString(stale.resolve("passwd"), "half");
        newSnapshotter(root);
        assertThat(root.resolve("layers/tmp-1234")).doesNotExist();
    }

    @Test
    void mountinfoEscapesAreDecoded() {
        assertThat(MountTable.unescape("/a\\040b\\134c")).isEqualTo("/a b\\c");
    }
}
