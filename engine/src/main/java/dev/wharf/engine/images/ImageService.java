package dev.wharf.engine.images;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.api.types.ImageDeleteResponseItem;
import dev.wharf.api.types.ImageInspect;
import dev.wharf.api.types.ImageSummary;
import dev.wharf.engine.containers.ContainerService;
import dev.wharf.engine.errors.ConflictException;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.errors.NotFoundException;
import dev.wharf.engine.events.EventBus;
import dev.wharf.engine.filters.Filters;
import dev.wharf.engine.http.ApiVersion;
import dev.wharf.image.Digest;
import dev.wharf.image.Image;
import dev.wharf.image.ImageReference;
import dev.wharf.image.ImageStore;
import dev.wharf.image.InvalidReferenceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Listing, inspecting, tagging and removing images with Docker's rules and messages. */
public final class ImageService {
    private final ImageStore images;
    private final ContainerService containers;
    private final ImageEvents events;
    private final ImageViews views;
    private final ImageDeletion deletion;

    public ImageService(ImageStore images, ContainerService containers, EventBus bus, ObjectMapper json) {
        this.images = images;
        this.containers = containers;
        this.events = new ImageEvents(bus);
        this.views = new ImageViews(json);
        this.deletion = new ImageDeletion(images, containers, events);
    }

    /** The image a name or ID denotes; 404 {@code No such image: <name>} otherwise. */
    public Image resolve(String nameOrId) throws IOException {
        Optional<Image> image;
        try {
            image = images.lookup(nameOrId);
        } catch (InvalidReferenceException e) {
            throw new NotFoundException("No such image: " + nameOrId);
        }
        return image.orElseThrow(() -> new NotFoundException("No such image: " + nameOrId));
    }

    /** {@code GET /images/json} without {@code all}: intermediate images hidden. */
    public List<ImageSummary> list(Filters filters, ApiVersion version) throws IOException {
        return list(filters, false, version);
    }

    /**
     * As moby: an image without a name that has children (a classic build's step image) is an intermediate
     * image, listed only with {@code all}; {@code dangling=true} sees only images without children.
     */
    public List<ImageSummary> list(Filters filters, boolean all, ApiVersion version) throws IOException {
        ImageFilter filter = new ImageFilter(filters, name -> {
            try {
                return images.lookup(name).orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Map<ImageReference, Digest> allRefs = images.references();
        List<Image> stored = new ArrayList<>(images.list());
        stored.sort(Comparator.comparing((Image i) -> Optional.ofNullable(i.config().createdAt()).orElse(Instant.EPOCH))
                .reversed());
        List<ImageSummary> result = new ArrayList<>();
        for (Image image : stored) {
            List<ImageReference> refs = allRefs.entrySet().stream().filter(e -> e.getValue().equals(image.id()))
                    .map(Map.Entry::getKey).toList();
            List<ImageReference> shown = filter.hasReferenceFilter()
                    ? refs.stream().filter(filter::referenceMatches).toList() : refs;
            boolean hasChildren = !images.children(image.id()).isEmpty();
            if (hasChildren && refs.isEmpty() && (!all || filter.danglingOnly())) {
                continue;
            }
            if (filter.include(image, shown, !refs.isEmpty())) {
                result.add(views.summary(image, shown, images.parent(image.id()).orElse(null), version));
            }
        }
        return result;
    }

    public ImageInspect inspect(String nameOrId, ApiVersion version) throws IOException {
        Image image = resolve(nameOrId);
        return views.inspect(image, images.referencesTo(image.id()), images.parent(image.id()).orElse(null), version);
    }

    /** POST /images/{name}/tag: {@code repo} arrives normalised ({@code docker.io/library/x}), the tag apart. */
    public void tag(String source, String repo, String tag) throws IOException {
        Image image = resolve(source);
        if (repo == null || repo.isEmpty()) {
            throw new InvalidArgumentException("repository name must have at least one component");
        }
        ImageReference ref = ImageReference.parseName(repo);
        if (ref.digest() != null) {
            throw new InvalidArgumentException("refusing to create a tag with a digest reference");
        }
        ref = tag != null && !tag.isEmpty() ? ref.withTag(tag) : ref.tag() == null ? ref.withTag(ImageReference.DEFAULT_TAG) : ref;
        images.tag(ref, image.id());
        events.publish("tag", image, ref.familiarString());
    }

    /** Names the freshly imported image (the import path) and announces it. */
    public void imported(Image image, ImageReference ref) throws IOException {
        if (ref != null) {
            images.tag(ref, image.id());
        }
        events.publish("import", image, image.id().toString());
        if (ref != null) {
            events.publish("tag", image, ref.familiarString());
        }
    }

    /**
     * DELETE /images/{name}, after moby's ImageDelete: a name untags (and deletes the image with its last
     * name); an ID deletes, which needs force when several repositories name the image. An image a
     * container uses stays unless forced; one with child images stays, forced or not. Its parents left
     * unneeded go with it unless {@code noPrune}.
     */
    public List<ImageDeleteResponseItem> remove(String nameOrId, boolean force, boolean noPrune) throws IOException {
        Image image = resolve(nameOrId);
        Digest id = image.id();
        List<ImageReference> refs = images.referencesTo(id);
        Optional<String> user = containers.findUsingImage(id);
        List<ImageDeleteResponseItem> records = new ArrayList<>();
        if (!isIdReference(nameOrId, id)) {
            ImageReference ref = ImageReference.parse(nameOrId);
            if (user.isPresent() && !force && refs.size() == 1) {
                throw new ConflictException("conflict: unable to remove repository reference \"" + nameOrId
                        + "\" (must force) - container " + shortId(user.get()) + " is using its referenced image "
                        + id.shortId());
            }
            if (images.untag(ref)) {
                records.add(new ImageDeleteResponseItem(ref.familiarString(), null));
                events.publish("untag", image, id.toString());
                untagOrphanedDigests(ref, image, records);
            }
            if (!images.referencesTo(id).isEmpty() || !images.children(id).isEmpty() || (user.isPresent() && !force)) {
                return records; // other names remain, or a child image or a container still needs the image
            }
        } else {
            if (!images.children(id).isEmpty()) {
                throw new ConflictException("conflict: unable to delete " + id.shortId()
                        + " (cannot be forced) - image has dependent child images");
            }
            if (!force && refs.stream().map(ImageReference::name).distinct().count() > 1) {
                throw new ConflictException("conflict: unable to delete " + id.shortId()
                        + " (must be forced) - image is referenced in multiple repositories");
            }
            if (!force && user.isPresent()) {
                throw new ConflictException("conflict: unable to delete " + id.shortId()
                        + " (must be forced) - image is being used by stopped container " + shortId(user.get()));
            }
            for (ImageReference ref : refs) {
                images.untag(ref);
                records.add(new ImageDeleteResponseItem(ref.familiarString(), null));
                events.publish("untag", image, id.toString());
            }
        }
        deletion.delete(image, !noPrune, records);
        return records;
    }

    /** As moby: once a repository's last tag is gone, its digest references (RepoDigests) go too. */
    private void untagOrphanedDigests(ImageReference removed, Image image, List<ImageDeleteResponseItem> records)
            throws IOException {
        if (removed.digest() != null) {
            return;
        }
        List<ImageReference> left = images.referencesTo(image.id()).stream()
                .filter(r -> r.name().equals(removed.name())).toList();
        if (left.stream().anyMatch(r -> r.digest() == null)) {
            return;
        }
        for (ImageReference digestRef : left) {
            if (images.untag(digestRef)) {
                records.add(new ImageDeleteResponseItem(digestRef.familiarString(), null));
                events.publish("untag", image, image.id().toString());
            }
        }
    }

    /** Whether the text names the image by (a prefix of) its ID rather than by a reference. */
    private static boolean isIdReference(String text, Digest id) {
        String hex = text.startsWith(Digest.SHA256 + ":") ? text.substring(Digest.SHA256.length() + 1) : text;
        return !hex.isEmpty() && id.encoded().startsWith(hex);
    }

    private static String shortId(String containerId) {
        return containerId.length() > 12 ? containerId.substring(0, 12) : containerId;
    }
}
