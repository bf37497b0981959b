package dev.wharf.build.exec;

import dev.wharf.build.image.BuiltImageConfig;
import dev.wharf.image.BlobStore;
import dev.wharf.image.Descriptor;
import dev.wharf.image.Digest;
import dev.wharf.image.Image;
import dev.wharf.image.ImageStore;
import dev.wharf.image.Json;
import dev.wharf.image.Manifest;
import dev.wharf.image.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Stores step images (config and manifest blobs, the image record, its parent link) and reads them back as
 * {@link StepImage}.
 */
final class ImageWriter {
    private final BlobStore blobs;
    private final ImageStore images;

    ImageWriter(BlobStore blobs, ImageStore images) {
        this.blobs = blobs;
        this.images = images;
    }

    /** @param parent the previous step's image (null after FROM scratch): the parent link dockerd keeps */
    StepImage write(BuiltImageConfig config, List<Descriptor> layers, Digest parent) throws IOException {
        byte[] configJson = Json.bytes(config);
        Digest configDigest = blobs.put(configJson);
        Manifest manifest = Manifest.oci(Descriptor.of(MediaTypes.OCI_CONFIG, configDigest, configJson.length), layers);
        Image image = images.add(blobs.put(Json.bytes(manifest)));
        if (parent != null) {
            images.setParent(image.id(), parent);
        }
        return new StepImage(image.id(), config, layers);
    }

    /** The image as the builder sees it: its config blob read with the classic builder's fields. */
    StepImage read(Image image) throws IOException {
        try (InputStream in = blobs.open(image.id())) {
            BuiltImageConfig config = Json.read(in.readAllBytes(), BuiltImageConfig.class);
            return new StepImage(image.id(), config, image.manifest().layers());
        }
    }
}
