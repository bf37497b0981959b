package dev.wharf.engine.images;

import dev.wharf.api.types.ImageDeleteResponseItem;
import dev.wharf.engine.containers.ContainerService;
import dev.wharf.image.Digest;
import dev.wharf.image.Image;
import dev.wharf.image.ImageStore;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Deletes an image and, unless told not to ({@code noprune}), its parents as dockerd does: each parent
 * that is left with no name, no other child and no container goes too, up the chain the classic builder
 * made; the first parent still needed ends it quietly.
 */
final class ImageDeletion {
    private final ImageStore images;
    private final ContainerService containers;
    private final ImageEvents events;

    ImageDeletion(ImageStore images, ContainerService containers, ImageEvents events) {
        this.images = images;
        this.containers = containers;
        this.events = events;
    }

    /** Appends a {@code Deleted} record per image removed, the image itself first. */
    void delete(Image image, boolean pruneParents, List<ImageDeleteResponseItem> records) throws IOException {
        Optional<Digest> parent = images.parent(image.id());
        remove(image, records);
        while (pruneParents && parent.isPresent()) {
            Optional<Image> next = images.get(parent.get());
            if (next.isEmpty() || !unneeded(next.get().id())) {
                return;
            }
            parent = images.parent(next.get().id());
            remove(next.get(), records);
        }
    }

    /** No name, no child, no container: nothing would notice the image going. */
    boolean unneeded(Digest id) throws IOException {
        return images.referencesTo(id).isEmpty() && images.children(id).isEmpty()
                && containers.findUsingImage(id).isEmpty();
    }

    private void remove(Image image, List<ImageDeleteResponseItem> records) throws IOException {
        images.delete(image.id());
        records.add(new ImageDeleteResponseItem(null, image.id().toString()));
        events.publish("delete", image, image.id().toString());
    }
}
