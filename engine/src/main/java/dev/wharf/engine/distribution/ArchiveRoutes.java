package dev.wharf.engine.distribution;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.errors.NotFoundException;
import dev.wharf.engine.events.EventBus;
import dev.wharf.engine.http.Exchange;
import dev.wharf.engine.http.Routes;
import dev.wharf.engine.images.ImageEvents;
import dev.wharf.image.Digest;
import dev.wharf.image.Image;
import dev.wharf.image.ImageReference;
import dev.wharf.image.ImageStore;
import dev.wharf.image.InvalidReferenceException;
import dev.wharf.image.LayerException;
import dev.wharf.image.archive.ImageArchiveReader;
import dev.wharf.image.archive.ImageArchiveWriter;
import dev.wharf.image.archive.InvalidArchiveException;
import dev.wharf.image.remote.TransferProgress;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /images/get?names=…}, {@code GET /images/{name}/get} (save) and {@code POST /images/load}.
 * A load reads the whole archive before it answers, so a bad archive is a plain error reply and leaves
 * nothing behind; a layer that fails to unpack after "Loading layer" progress began is an in-band error.
 */
public final class ArchiveRoutes {
    private final ImageStore images;
    private final ImageArchiveWriter writer;
    private final ImageArchiveReader reader;
    private final ImageEvents events;
    private final ObjectMapper json;

    public ArchiveRoutes(ImageStore images, ImageArchiveWriter writer, ImageArchiveReader reader, EventBus bus,
            ObjectMapper json) {
        this.images = images;
        this.writer = writer;
        this.reader = reader;
        this.events = new ImageEvents(bus);
        this.json = json;
    }

    public void register(Routes routes) {
        routes.add("GET", "/images/get", exchange -> save(exchange, exchange.queryAll("names")));
        routes.add("GET", "/images/{name:.*}/get", exchange -> save(exchange, List.of(exchange.pathParam("name"))));
        routes.add("POST", "/images/load", this::load);
    }

    private void save(Exchange exchange, List<String> names) throws IOException {
        Map<Digest, List<ImageReference>> tags = new LinkedHashMap<>();
        Map<Digest, Image> found = new LinkedHashMap<>();
        for (String name : names) {
            Map<Image, List<ImageReference>> named = resolve(name);
            named.forEach((image, refs) -> {
                found.put(image.id(), image);
                List<ImageReference> list = tags.computeIfAbsent(image.id(), id -> new ArrayList<>());
                refs.stream().filter(r -> !list.contains(r)).forEach(list::add);
            });
        }
        List<ImageArchiveWriter.Entry> entries = found.values().stream()
                .map(image -> new ImageArchiveWriter.Entry(image, tags.get(image.id()))).toList();
        try (OutputStream out = exchange.respondStream(200, "application/x-tar")) {
            writer.write(entries, out);
        }
        for (ImageArchiveWriter.Entry entry : entries) {
            events.publish("save", entry.image(), entry.image().id().toString());
        }
    }

    /**
     * Docker's rule: {@code repo} saves every tag of the repository, {@code repo:tag} that tag, an ID or a
     * digest the image without names.
     */
    private Map<Image, List<ImageReference>> resolve(String name) throws IOException {
        Map<Image, List<ImageReference>> result = new LinkedHashMap<>();
        ImageReference named = null;
        try {
            named = ImageReference.parseName(name);
        } catch (InvalidReferenceException anId) {
            // a full ID: looked up below
        }
        if (named != null && named.isNameOnly()) {
            String repository = named.name();
            for (var entry : images.references().entrySet()) {
                ImageReference ref = entry.getKey();
                if (ref.digest() == null && ref.name().equals(repository)) {
                    Image image = images.get(entry.getValue()).orElseThrow();
                    result.computeIfAbsent(image, i -> new ArrayList<>()).add(ref);
                }
            }
            if (!result.isEmpty()) {
                return result;
            }
        }
        Optional<Image> image;
        try {
            image = images.lookup(name);
        } catch (InvalidReferenceException e) {
            throw new NotFoundException("No such image: " + name);
        }
        Image found = image.orElseThrow(() -> new NotFoundException("No such image: " + name));
        boolean byTag = named != null && named.tag() != null && named.digest() == null;
        result.put(found, byTag ? List.of(named) : List.of());
        return result;
    }

    /**
     * Progress ("Loading layer" per unpacked layer, unless {@code quiet}) starts the reply, so a failure
     * before it is a plain error and one after it is reported in-band, as dockerd does.
     */
    private void load(Exchange exchange) throws IOException {
        ReplyOnDemand reply = new ReplyOnDemand(exchange, "application/json");
        ProgressStream progress = new ProgressStream(reply, json);
        try {
            TransferProgress layers = exchange.queryFlag("quiet", false) ? TransferProgress.NONE : progress;
            for (ImageArchiveReader.Loaded image : reader.load(exchange.body(), layers)) {
                events.publish("load", image.image(), image.image().id().toString());
                if (image.tags().isEmpty()) {
                    progress.stream("Loaded image ID: " + image.image().id() + "\n");
                }
                for (ImageReference tag : image.tags()) {
                    progress.stream("Loaded image: " + tag.familiarString() + "\n");
                }
            }
        } catch (InvalidArchiveException | LayerException | InvalidReferenceException e) {
            if (!reply.started()) {
                throw new InvalidArgumentException(e.getMessage(), e);
            }
            progress.error(e.getMessage());
        }
        reply.close();
    }
}
