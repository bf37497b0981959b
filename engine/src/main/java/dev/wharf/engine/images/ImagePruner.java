package dev.wharf.engine.images;

import dev.wharf.api.types.ImageDeleteResponseItem;
import dev.wharf.api.types.ImagePruneResponse;
import dev.wharf.engine.containers.ContainerService;
import dev.wharf.engine.events.EventBus;
import dev.wharf.engine.filters.Filters;
import dev.wharf.engine.filters.UntilFilter;
import dev.wharf.image.Descriptor;
import dev.wharf.image.Digest;
import dev.wharf.image.Image;
import dev.wharf.image.ImageReference;
import dev.wharf.image.ImageStore;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /images/prune}: images no container uses that have no name ({@code dangling=true}, the
 * default) or any name ({@code dangling=false}, the CLI's {@code -a}), narrowed by {@code label},
 * {@code label!} and {@code until}. SpaceReclaimed counts the blobs that went with them.
 */
public final class ImagePruner {
    private static final Set<String> FILTERS = Set.of("dangling", "label", "label!", "until");

    private final ImageStore images;
    private final ContainerService containers;
    private final ImageEvents events;

    public ImagePruner(ImageStore images, ContainerService containers, EventBus bus) {
        this.images = images;
        this.containers = containers;
        this.events = new ImageEvents(bus);
    }

    public ImagePruneResponse prune(Filters filters) throws IOException {
        filters.accept(FILTERS);
        Boolean dangling = filters.booleanValue("dangling");
        boolean danglingOnly = dangling == null || dangling;
        Instant until = UntilFilter.parse(filters, Instant.now());
        List<ImageDeleteResponseItem> deleted = new ArrayList<>();
        long reclaimed = 0;
        for (Image image : images.list()) {
            List<ImageReference> refs = images.referencesTo(image.id());
            if ((danglingOnly && !refs.isEmpty()) || containers.findUsingImage(image.id()).isPresent()
                    || !matches(filters, image, until)) {
                continue;
            }
            long freed = exclusiveSize(image);
            for (ImageReference ref : refs) {
                images.untag(ref);
                deleted.add(new ImageDeleteResponseItem(ref.familiarString(), null));
                events.publish("untag", image, image.id().toString());
            }
            images.delete(image.id());
            deleted.add(new ImageDeleteResponseItem(null, image.id().toString()));
            events.publish("delete", image, image.id().toString());
            reclaimed += freed;
        }
        return new ImagePruneResponse(deleted, reclaimed);
    }

    private static boolean matches(Filters filters, Image image, Instant until) {
        var labels = image.config().containerConfig().labels();
        if (!filters.matchLabels("label", labels)) {
            return false;
        }
        if (filters.has("label!") && !filters.get("label!").isEmpty() && filters.matchLabels("label!", labels)) {
            return false;
        }
        Instant created = image.config().createdAt();
        return until == null || (created != null && created.isBefore(until));
    }

    /** The bytes of the layers no other image shares. */
    private long exclusiveSize(Image image) throws IOException {
        Set<Digest> shared = new HashSet<>();
        for (Image other : images.list()) {
            if (!other.id().equals(image.id())) {
                other.manifest().layers().forEach(l -> shared.add(l.digest()));
            }
        }
        return image.manifest().layers().stream().filter(l -> !shared.contains(l.digest()))
                .mapToLong(Descriptor::size).sum();
    }
}
