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
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Commits a step's snapshot: the upper directory becomes a gzip layer blob (diff ID computed on the way)
 * and, without a copy, the snapshotter's committed layer for the next step.
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
        Path tmp = Files.createTempFile(scratch, "layer-", ".tar.gz");
        try {
            MessageDigest uncompressed = Digest.newSha256();
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                    GZIPOutputStream gzip = new FastGzip(file);
                    DigestOutputStream tar = new DigestOutputStream(gzip, uncompressed)) {
                new LayerDiff(clamp).write(upper, tar);
            }
            Digest diffId = Digest.sha256(uncompressed);
            Digest blob;
            try (InputStream in = Files.newInputStream(tmp)) {
                blob = blobs.ingest(in, null, -1);
            }
            snapshotter.commit(snapshotId, diffId);
            return new CommittedLayer(diffId, Descriptor.of(MediaTypes.OCI_LAYER_GZIP, blob, blobs.size(blob)));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Gzip at a fast level: layers are written once per step and build time matters more than bytes. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
