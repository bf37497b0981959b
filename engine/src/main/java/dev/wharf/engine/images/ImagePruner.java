package dev.wharf.engine.images;

import dev.wharf.api.types.ImageDeleteResponseItem;
import dev.wharf.api.types.ImagePruneResponse;
import dev.wharf.engine.containers.ContainerService;
import dev.wharf.engine.events.EventBus;
import dev.wharf.engine.filters.Filters;
import dev.wharf.engine.filters.UntilFilter;
import dev.wharf.image.Digest;
import dev.wharf.image.Image;
import dev.wharf.image.ImageReference;
import dev.wharf.image.ImageStore;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /images/prune}: images no container uses that have no name ({@code dangling=true}, the
 * default) or any name ({@code dangling=false}, the CLI's {@code -a}), narrowed by {@code label},
 * {@code label!} and {@code until}; images with children (a build's step images) only go with their last
 * child. SpaceReclaimed counts the layer blobs that went with them.
 */
public final class ImagePruner {
    private static final Set<String> FILTERS = Set.of("dangling", "label", "label!", "until");

    private final ImageStore images;
    private final ContainerService containers;
    private final ImageEvents events;
    private final ImageDeletion deletion;

    public ImagePruner(ImageStore images, ContainerService containers, EventBus bus) {
        this.images = images;
        this.containers = containers;
        this.events = new ImageEvents(bus);
        this.deletion = new ImageDeletion(images, containers, events);
    }

    public ImagePruneResponse prune(Filters filters) throws IOException {
        filters.accept(FILTERS);
        Boolean dangling = filters.booleanValue("dangling");
        boolean danglingOnly = dangling == null || dangling;
        Instant until = UntilFilter.parse(filters, Instant.now());
        Map<Digest, Long> layersBefore = layerSizes();
        List<ImageDeleteResponseItem> deleted = new ArrayList<>();
        // Only images without children are candidates, as moby's Heads(); their unneeded parents go with them,
        // and with -a a named parent left childless is taken on the next pass.
        for (boolean progress = true; progress; ) {
            progress = false;
            for (Image image : images.list()) {
                List<ImageReference> refs = images.referencesTo(image.id());
                if (images.get(image.id()).isEmpty() || !images.children(image.id()).isEmpty()
                        || (danglingOnly && !refs.isEmpty()) || containers.findUsingImage(image.id()).isPresent()
                        || !matches(filters, image, until)) {
                    continue;
                }
                for (ImageReference ref : refs) {
                    images.untag(ref);
                    deleted.add(new ImageDeleteResponseItem(ref.familiarString(), null));
                    events.publish("untag", image, image.id().toString());
                }
                deletion.delete(image, true, deleted);
                progress = true;
            }
        }
        Map<Digest, Long> layersAfter = layerSizes();
        long reclaimed = layersBefore.entrySet().stream().filter(e -> !layersAfter.containsKey(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
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

    /** Every layer blob the images use, with its size. */
    private Map<Digest, Long> layerSizes() throws IOException {
        Map<Digest, Long> sizes = new HashMap<>();
        for (Image image : images.list()) {
            image.manifest().layers().forEach(l -> sizes.put(l.digest(), l.size()));
        }
        return sizes;
    }
}
