package dev.wharf.engine.images;

import dev.wharf.api.types.ImageDeleteResponseItem;
import dev.wharf.engine.containers.ContainerService;
import dev.wharf.image.Digest;
import dev.wharf.image.Image;
import dev.wharf.image.ImageStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Deletes an image and, unless told not to ({@code noprune}), its parents as dockerd does: each parent
 * that is left with no name, no other child and no container goes too, up the chain the classic builder
 * made; the first parent still needed ends it quietly. The unpacked layers no image or container uses
 * any more go with them.
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
        List<Digest> layers = new ArrayList<>(diffIds(image));
        Optional<Digest> parent = images.parent(image.id());
        remove(image, records);
        while (pruneParents && parent.isPresent()) {
            Optional<Image> next = images.get(parent.get());
            if (next.isEmpty() || !unneeded(next.get().id())) {
                break;
            }
            parent = images.parent(next.get().id());
            layers.addAll(diffIds(next.get()));
            remove(next.get(), records);
        }
        Set<Digest> stillInImages = new HashSet<>();
        for (Image remaining : images.list()) {
            stillInImages.addAll(diffIds(remaining));
        }
        containers.removeUnusedLayers(layers, stillInImages);
    }

    private static List<Digest> diffIds(Image image) {
        return image.config().rootfs() == null ? List.of() : image.config().rootfs().diffIds();
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
