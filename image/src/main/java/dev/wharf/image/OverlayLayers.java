package dev.wharf.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

/**
 * An overlay upper directory as a Docker layer tar ({@code commit}, and each step of a build):
 * overlay whiteouts become {@code .wh.} entries (see {@link TreeArchiver}), names are relative
 * ({@code etc/passwd}), nothing outside the directory is ever read.
 */
public final class OverlayLayers {
    private OverlayLayers() {}

    /** What {@link #write} produced: the diff ID, and whether the layer holds no change at all. */
    public record Written(Digest diffId, boolean empty) {}

    /** Writes the layer of {@code upperDir} to {@code out}, which stays open. */
    public static Written write(Path upperDir, OutputStream out) throws IOException {
        MessageDigest sha256 = Digest.newSha256();
        var hashed = new DigestOutputStream(out, sha256) {
            @Override
            public void close() throws IOException {
                flush(); // the caller owns the stream
            }
        };
        boolean empty;
        try (TreeArchiver archiver = new TreeArchiver(hashed, true)) {
            archiver.addChildren(upperDir);
            empty = archiver.isEmpty();
            archiver.finish();
        }
        return new Written(Digest.sha256(sha256), empty);
    }
}
