package dev.wharf.engine;

import dev.wharf.image.Image;
import dev.wharf.image.ImageReference;
import dev.wharf.image.ImageStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The images a fresh daemon comes with (busybox:latest, built from the host's static busybox), made
 * once: a marker file records that they were, so an {@code rmi} is not undone by the next start.
 */
final class BuiltinImages {
    static final String MARKER = ".builtin-images-created";
    private static final System.Logger LOG = System.getLogger(BuiltinImages.class.getName());

    /** Builds the busybox image from the binary (the image module's BusyboxImage). */
    @FunctionalInterface
    interface BusyboxBuilder {
        Image build(Path busyboxBinary) throws IOException;
    }

    private BuiltinImages() {}

    static void createOnce(Path dataRoot, Path busybox, ImageStore images, BusyboxBuilder builder) throws IOException {
        Path marker = dataRoot.resolve(MARKER);
        if (Files.exists(marker)) {
            return;
        }
        if (!Files.isExecutable(busybox)) {
            LOG.log(System.Logger.Level.WARNING, "no " + busybox + ": the built-in busybox image is not created");
            return;
        }
        Image image = builder.build(busybox);
        ImageReference ref = ImageReference.parse("busybox:latest");
        images.tag(ref, image.id());
        Files.writeString(marker, image.id() + "\n");
        LOG.log(System.Logger.Level.INFO, "created built-in image " + ref.familiarString() + " " + image.id());
    }
}
