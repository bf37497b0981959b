package dev.wharf.engine.images;

import dev.wharf.api.types.HistoryItem;
import dev.wharf.image.Descriptor;
import dev.wharf.image.History;
import dev.wharf.image.Image;
import dev.wharf.image.ImageReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code GET /images/{name}/history} from the image config's history: newest first, each non-empty step
 * sized by its layer; only the top has an ID and tags ({@code <missing>} below, as Docker shows for
 * images that were pulled or loaded rather than built here).
 */
final class ImageHistory {
    private static final String MISSING = "<missing>";

    private ImageHistory() {}

    static List<HistoryItem> of(Image image, List<ImageReference> refs) {
        List<History> steps = image.config().history();
        List<Descriptor> layers = image.manifest().layers();
        List<HistoryItem> items = new ArrayList<>();
        if (steps.isEmpty()) {
            items.add(new HistoryItem(MISSING, seconds(image.config().createdAt()), "", null, image.size(), ""));
        }
        int layer = 0;
        for (History step : steps) {
            long size = 0;
            if (!step.isEmptyLayer() && layer < layers.size()) {
                size = layers.get(layer++).size();
            }
            items.add(new HistoryItem(MISSING, seconds(step.createdAt()),
                    step.createdBy() == null ? "" : step.createdBy(), null, size,
                    step.comment() == null ? "" : step.comment()));
        }
        Collections.reverse(items);
        List<String> tags = refs.stream().filter(r -> r.digest() == null).map(ImageReference::familiarString).toList();
        HistoryItem top = items.getFirst();
        items.set(0, new HistoryItem(image.id().toString(), top.created(), top.createdBy(),
                tags.isEmpty() ? null : tags, top.size(), top.comment()));
        return items;
    }

    private static long seconds(Instant instant) {
        return instant == null ? 0 : instant.getEpochSecond();
    }
}
