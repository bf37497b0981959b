package dev.wharf.build.layer;

import dev.wharf.image.BlobStore;
import dev.wharf.image.Descriptor;
import dev.wharf.image.Digest;
import dev.wharf.image.MediaTypes;
import dev.wharf.runtime.Snapshotter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * Commits a step's snapshot: the upper directory becomes an uncompressed layer blob (its digest is the diff
 * ID, computed on the way) and, without a copy, the snapshotter's committed layer for the next step.
 * Uncompressed, as dockerd keeps built layers and {@code commit} writes them: gzip cost most of a large
 * COPY's commit, and a layer is compressed nowhere else on this daemon's way to a container.
 */
public final class LayerCommitter {
    private final BlobStore blobs;
    private final Snapshotter snapshotter;
    private final Path scratch;

    public LayerCommitter(BlobStore blobs, Snapshotter snapshotter, Path scratch) {
        this.blobs = blobs;
        this.snapshotter = snapshotter;
        this.scratch = scratch;
    }

    /** The committed layer, or null when the step changed nothing (its snapshot is removed either way). */
    public CommittedLayer commit(String snapshotId, Instant clamp) throws IOException {
        snapshotter.unmountRootfs(snapshotId);
        Path upper = snapshotter.upperDir(snapshotId);
        if (LayerDiff.isEmpty(upper)) {
            snapshotter.remove(snapshotId);
            return null;
        }
        Files.createDirectories(scratch);
        Path tmp = Files.createTempFile(scratch, "layer-", ".tar");
        try {
            MessageDigest sha = Digest.newSha256();
            try (OutputStream tar = new DigestOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16), sha)) {
                new LayerDiff(clamp).write(upper, tar);
            }
            Digest diffId = Digest.sha256(sha);
            long size = Files.size(tmp);
            try (InputStream in = Files.newInputStream(tmp)) {
                blobs.ingest(in, diffId, size);
            }
            snapshotter.commit(snapshotId, diffId);
            return new CommittedLayer(diffId, Descriptor.of(MediaTypes.OCI_LAYER_TAR, diffId, size));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
