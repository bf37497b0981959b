package dev.wharf.engine.distribution;

import dev.wharf.image.Digest;
import dev.wharf.image.LayerUnpacker;
import dev.wharf.runtime.Snapshotter;
import java.io.IOException;
import java.io.InputStream;

/** Pulled layers go where containers find them: the runtime's snapshotter, keyed by diff ID. */
public final class SnapshotUnpacker implements LayerUnpacker {
    private final Snapshotter snapshotter;

    public SnapshotUnpacker(Snapshotter snapshotter) {
        this.snapshotter = snapshotter;
    }

    @Override
    public boolean has(Digest diffId) {
        return snapshotter.hasLayer(diffId);
    }

    @Override
    public void unpack(Digest diffId, InputStream layer) throws IOException {
        snapshotter.unpackLayer(diffId, layer);
    }
}
