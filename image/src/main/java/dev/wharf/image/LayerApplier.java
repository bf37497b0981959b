package dev.wharf.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Unpacks a layer tar (plain or gzip, detected from its first bytes) into a directory that
 * overlayfs will use as a lower layer.
 *
 * <p>Docker whiteouts become overlay whiteouts: {@code .wh.NAME} a 0/0 character device NAME,
 * {@code .wh..wh..opq} the {@code trusted.overlay.opaque=y} attribute on its directory. No entry may
 * land outside {@code root}: {@code ..} components, absolute names, links and symlinked parents that
 * lead out are refused with {@link LayerException}, and the caller discards the directory.
 */
public interface LayerApplier {
    /**
     * Returns the diff ID: the sha256 of the uncompressed tar stream. Reads {@code layer} to its end, so
     * the failure of a stream that verifies itself there fails the apply.
     */
    Digest apply(InputStream layer, Path root) throws IOException;
}
