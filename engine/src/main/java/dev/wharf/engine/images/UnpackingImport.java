package dev.wharf.engine.images;

import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.image.BlobStore;
import dev.wharf.image.Descriptor;
import dev.wharf.image.Image;
import dev.wharf.image.ImageImporter;
import dev.wharf.image.ImageStore;
import dev.wharf.image.LayerException;
import dev.wharf.runtime.Snapshotter;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Import as Docker does it: the tarball is stored as a one-layer image and the layer is unpacked at once,
 * so a tarball that is corrupt or reaches outside its root is refused now, and leaves no image or blob
 * behind, instead of failing at the first {@code run}.
 */
public final class UnpackingImport implements TarballImport {
    private final BlobStore blobs;
    private final ImageStore images;
    private final Snapshotter snapshotter;

    public UnpackingImport(BlobStore blobs, ImageStore images, Snapshotter snapshotter) {
        this.blobs = blobs;
        this.images = images;
        this.snapshotter = snapshotter;
    }

    @Override
    public Image importTarball(InputStream tarball, List<String> changes, String message) throws IOException {
        Image image;
        try {
            image = new ImageImporter(blobs, images).importRootfs(tarball, changes, message, null);
        } catch (LayerException e) {
            throw new InvalidArgumentException(e.getMessage(), e);
        }
        try {
            List<Descriptor> layers = image.manifest().layers();
            for (int i = 0; i < layers.size(); i++) {
                try (InputStream layer = blobs.open(layers.get(i).digest())) {
                    snapshotter.unpackLayer(image.config().rootfs().diffIds().get(i), layer);
                }
            }
            return image;
        } catch (LayerException e) {
            images.delete(image.id()); // keeps blobs that other images use
            throw new InvalidArgumentException(e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            images.delete(image.id());
            throw e;
        }
    }
}
