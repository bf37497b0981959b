package dev.wharf.build.exec;

import dev.wharf.image.BlobStore;
import dev.wharf.image.Descriptor;
import dev.wharf.image.Digest;
import dev.wharf.runtime.Snapshotter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Writable snapshots of step images for the builder: layers unpacked on demand, one overlay mount per step. */
final class Snapshots {
    private static final System.Logger LOG = System.getLogger(Snapshots.class.getName());

    private final BlobStore blobs;
    private final Snapshotter snapshotter;

    Snapshots(BlobStore blobs, Snapshotter snapshotter) {
        this.blobs = blobs;
        this.snapshotter = snapshotter;
    }

    Snapshotter snapshotter() {
        return snapshotter;
    }

    /** A new id, shaped like a container id: what "Running in …" shows. */
    static String newId() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Mounts a writable snapshot of the image under {@code id}; a failed mount leaves nothing. */
    Path mount(String id, StepImage image) throws IOException {
        List<Digest> diffIds = image.diffIds();
        for (int i = 0; i < diffIds.size(); i++) {
            if (!snapshotter.hasLayer(diffIds.get(i))) {
                Descriptor layer = image.layers().get(i);
                try (InputStream tar = blobs.open(layer.digest())) {
                    snapshotter.unpackLayer(diffIds.get(i), tar);
                }
            }
        }
        try {
            return snapshotter.mountRootfs(id, diffIds);
        } catch (IOException | RuntimeException e) {
            removeQuietly(id);
            throw e;
        }
    }

    void removeQuietly(String id) {
        try {
            snapshotter.remove(id);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot remove build snapshot " + id, e);
        }
    }
}
