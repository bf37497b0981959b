package dev.wharf.engine.containers;

import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.errors.SystemException;
import dev.wharf.engine.events.EventBus;
import dev.wharf.image.BlobStore;
import dev.wharf.image.ChangeParser;
import dev.wharf.image.ContainerConfig;
import dev.wharf.image.Descriptor;
import dev.wharf.image.Digest;
import dev.wharf.image.History;
import dev.wharf.image.Image;
import dev.wharf.image.ImageConfig;
import dev.wharf.image.ImageReference;
import dev.wharf.image.ImageStore;
import dev.wharf.image.InvalidReferenceException;
import dev.wharf.image.Json;
import dev.wharf.image.MediaTypes;
import dev.wharf.image.OverlayLayers;
import dev.wharf.image.Platform;
import dev.wharf.image.RootFs;
import dev.wharf.runtime.Snapshotter;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /commit} (moby's CreateImageFromContainer): the container's writable layer becomes a
 * layer on top of its image's; the config is the container's (or the request's, its gaps filled from
 * the container's) with the {@code --change} instructions applied; a history entry records author,
 * comment and command. A commit without changes adds no layer, only an {@code empty_layer} entry.
 */
final class ContainerCommitter {
    /** What the caller asked for; {@code config} may be null (the docker CLI sends none). */
    record Request(String container, String repo, String tag, String comment, String author, List<String> changes,
            dev.wharf.api.types.ContainerConfig config, boolean pause) {}

    private final ContainerIndex index;
    private final Snapshotter snapshotter;
    private final BlobStore blobs;
    private final ImageStore images;
    private final ContainerEvents events;
    private final EventBus bus;
    private final ContainerControl control;

    ContainerCommitter(ContainerIndex index, Snapshotter snapshotter, BlobStore blobs, ImageStore images,
            ContainerEvents events, EventBus bus, ContainerControl control) {
        this.index = index;
        this.snapshotter = snapshotter;
        this.blobs = blobs;
        this.images = images;
        this.events = events;
        this.bus = bus;
        this.control = control;
    }

    /** Returns the new image's ID; with {@code pause} a running container is frozen meanwhile, as Docker does. */
    Digest commit(Request request) throws IOException {
        ImageReference reference = reference(request.repo(), request.tag());
        Container container = index.get(request.container());
        boolean paused = request.pause() && control.pauseForCommit(container);
        try {
            return commit(request, reference, container.record());
        } finally {
            if (paused) {
                control.unpauseAfterCommit(container);
            }
        }
    }

    private Digest commit(Request request, ImageReference reference, ContainerRecord record) throws IOException {
        Image parent = images.get(record.imageId()).orElseThrow(
                () -> new SystemException("image " + record.imageId() + " of the container is gone"));
        ContainerConfig containerConfig = imageView(record.config());
        ContainerConfig base = request.config() == null ? containerConfig : imageView(request.config());
        ContainerConfig config = fillGaps(ChangeParser.apply(base, request.changes()), containerConfig);

        Layer layer = writeLayer(record.id());
        Instant now = Instant.now();
        String author = emptyToNull(request.author());
        List<String> cmd = record.config().cmd() == null ? List.of() : record.config().cmd();
        List<History> history = new ArrayList<>(parent.config().history());
        history.add(new History(now.toString(), String.join(" ", cmd), author, emptyToNull(request.comment()),
                layer.empty() ? Boolean.TRUE : null));
        List<Digest> diffIds = new ArrayList<>(parent.config().rootfs() == null ? List.of()
                : parent.config().rootfs().diffIds());
        List<Descriptor> layers = new ArrayList<>(parent.manifest().layers());
        if (!layer.empty()) {
            diffIds.add(layer.digest());
            layers.add(Descriptor.of(MediaTypes.OCI_LAYER_TAR, layer.digest(), blobs.size(layer.digest())));
        } else {
            deleteUnlessUsed(layer.digest());
        }
        ImageConfig imageConfig = new ImageConfig(now.toString(), author, Platform.host().architecture(), "linux",
                null, config, RootFs.layers(diffIds), history);
        Image image = images.create(imageConfig, layers);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("comment", request.comment() == null ? "" : request.comment());
        attributes.put("imageID", image.id().toString());
        attributes.put("imageRef", reference == null ? "" : reference.familiarString());
        events.publish(record, "commit", attributes);
        if (reference != null) {
            images.tag(reference, image.id());
            bus.publish("image", "tag", image.id().toString(), Map.of("name", reference.familiarString()));
        }
        return image.id();
    }

    private record Layer(Digest digest, boolean empty) {}

    /** Streams the upper directory's layer tar into the blob store (the diff ID is the blob digest: stored uncompressed). */
    private Layer writeLayer(String containerId) throws IOException {
        var tar = new PipedInputStream(1 << 16);
        var sink = new PipedOutputStream(tar);
        CompletableFuture<OverlayLayers.Written> written = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (sink) {
                written.complete(OverlayLayers.write(snapshotter.upperDir(containerId), sink));
            } catch (IOException | RuntimeException e) {
                written.completeExceptionally(e);
            }
        });
        Digest digest;
        try (tar) {
            digest = blobs.ingest(tar, null, -1);
        }
        try {
            return new Layer(digest, written.join().empty());
        } catch (java.util.concurrent.CompletionException e) {
            throw new SystemException("committing the container's layer: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** The empty tar we wrote may be a layer of another image (one committed from an empty container, say). */
    private void deleteUnlessUsed(Digest layer) throws IOException {
        boolean used = images.list().stream()
                .anyMatch(i -> i.manifest().layers().stream().anyMatch(l -> l.digest().equals(layer)));
        if (!used) {
            blobs.delete(layer);
        }
    }

    private static ImageReference reference(String repo, String tag) {
        if (repo == null || repo.isEmpty()) {
            return null;
        }
        try {
            ImageReference ref = ImageReference.parseName(repo);
            return tag != null && !tag.isEmpty() ? ref.withTag(tag)
                    : ref.tag() == null && ref.digest() == null ? ref.withTag(ImageReference.DEFAULT_TAG) : ref;
        } catch (InvalidReferenceException e) {
            throw new InvalidArgumentException(e.getMessage(), e);
        }
    }

    /** The image-relevant part of a container's config (both use Docker's JSON names). */
    private static ContainerConfig imageView(dev.wharf.api.types.ContainerConfig config) {
        return Json.MAPPER.copy().configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                false).convertValue(dev.wharf.api.ApiJson.mapper().valueToTree(config), ContainerConfig.class);
    }

    /** moby's {@code merge}: what the new config leaves empty comes from the container's. */
    private static ContainerConfig fillGaps(ContainerConfig config, ContainerConfig container) {
        if (config.equals(container)) {
            return config;
        }
        ContainerConfig built = config;
        return new ContainerConfig(
                orElse(built.user(), container.user()),
                union(built.exposedPorts(), container.exposedPorts()),
                env(built.env(), container.env()),
                built.entrypoint() == null || built.entrypoint().isEmpty() ? container.entrypoint() : built.entrypoint(),
                (built.entrypoint() == null || built.entrypoint().isEmpty()) && (built.cmd() == null || built.cmd().isEmpty())
                        ? container.cmd() : built.cmd(),
                built.healthcheck() != null ? built.healthcheck() : container.healthcheck(),
                built.argsEscaped(),
                union(built.volumes(), container.volumes()),
                orElse(built.workingDir(), container.workingDir()),
                union(built.labels(), container.labels()),
                orElse(built.stopSignal(), container.stopSignal()),
                built.onBuild() == null || built.onBuild().isEmpty() ? container.onBuild() : built.onBuild(),
                built.shell() == null || built.shell().isEmpty() ? container.shell() : built.shell());
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static <V> Map<String, V> union(Map<String, V> mine, Map<String, V> theirs) {
        if (theirs == null || theirs.isEmpty()) {
            return mine;
        }
        Map<String, V> merged = new java.util.TreeMap<>(theirs);
        if (mine != null) {
            merged.putAll(mine);
        }
        return merged;
    }

    private static List<String> env(List<String> mine, List<String> theirs) {
        List<String> merged = new ArrayList<>(mine == null ? List.of() : mine);
        for (String entry : theirs == null ? List.<String>of() : theirs) {
            String key = entry.split("=", 2)[0];
            if (merged.stream().noneMatch(e -> e.split("=", 2)[0].equals(key))) {
                merged.add(entry);
            }
        }
        return merged;
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
