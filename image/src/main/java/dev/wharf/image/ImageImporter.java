package dev.wharf.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * {@code docker import}: turns a root file system tarball into a one-layer image. The layer is
 * stored uncompressed ({@code application/vnd.oci.image.layer.v1.tar}), so its blob digest is its
 * diff ID. Changes are checked before anything is stored; a tarball that is not a tar is removed again.
 */
public final class ImageImporter {
    private final BlobStore blobs;
    private final ImageStore images;

    public ImageImporter(BlobStore blobs, ImageStore images) {
        this.blobs = blobs;
        this.images = images;
    }

    /**
     * Imports the tarball (plain or gzip) with the {@code --change} instructions and commit message;
     * tags the image when {@code tagOrNull} is given.
     *
     * @throws InvalidChangeException for an instruction Docker would reject
     * @throws LayerException when the tarball is not a (plain or gzip) tar
     */
    public Image importRootfs(InputStream tarball, List<String> changes, String message, ImageReference tagOrNull)
            throws IOException {
        ContainerConfig container = ChangeParser.apply(ContainerConfig.EMPTY, changes == null ? List.of() : changes);
        Digest layer = ingestUncompressed(tarball);
        Instant now = Instant.now().truncatedTo(ChronoUnit.NANOS);
        String comment = message == null || message.isEmpty() ? null : message;
        ImageConfig config = new ImageConfig(now.toString(), null, Platform.host().architecture(), "linux", null,
                container, RootFs.layers(List.of(layer)),
                List.of(new History(now.toString(), null, null, comment, null)));
        Image image = images.create(config, List.of(Descriptor.of(MediaTypes.OCI_LAYER_TAR, layer, blobs.size(layer))));
        if (tagOrNull != null) {
            images.tag(tagOrNull, image.id());
        }
        return image;
    }

    private Digest ingestUncompressed(InputStream tarball) throws IOException {
        Digest layer;
        try {
            layer = blobs.ingest(Compression.detect(tarball).decompressed(), null, -1);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new LayerException("invalid tar archive: " + e.getMessage(), e);
        }
        try {
            validate(layer);
            return layer;
        } catch (IOException | RuntimeException e) {
            if (!usedByAnImage(layer)) {
                blobs.delete(layer);
            }
            throw e instanceof LayerException le ? le
                    : new LayerException("invalid tar archive: " + e.getMessage(), e);
        }
    }

    private boolean usedByAnImage(Digest layer) throws IOException {
        return images.list().stream().anyMatch(i -> i.manifest().layers().stream().anyMatch(l -> l.digest().equals(layer)));
    }

    /** Reads every header and body, so a truncated or garbage archive fails here and not at run time. */
    private void validate(Digest layer) throws IOException {
        try (InputStream in = blobs.open(layer); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            while (tar.getNextEntry() != null) {
                tar.transferTo(OutputStream.nullOutputStream());
            }
        }
    }
}
