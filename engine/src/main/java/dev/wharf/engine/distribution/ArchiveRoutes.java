package dev.wharf.engine.distribution;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.api.types.ProgressMessage;
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
 * nothing behind.
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
        Map<Digest, ImageArchiveWriter.Entry> entries = new LinkedHashMap<>();
        for (String name : names) {
            Image image = resolve(name);
            List<ImageReference> tags = new ArrayList<>(tagsNamed(name, image));
            ImageArchiveWriter.Entry previous = entries.get(image.id());
            if (previous != null) {
                previous.tags().stream().filter(t -> !tags.contains(t)).forEach(tags::add);
            }
            entries.put(image.id(), new ImageArchiveWriter.Entry(image, tags));
        }
        try (OutputStream out = exchange.respondStream(200, "application/x-tar")) {
            writer.write(List.copyOf(entries.values()), out);
        }
        for (ImageArchiveWriter.Entry entry : entries.values()) {
            events.publish("save", entry.image(), entry.image().id().toString());
        }
    }

    /** Docker's rule: an ID saves no names; {@code repo} saves all its tags; {@code repo:tag} that one. */
    private List<ImageReference> tagsNamed(String name, Image image) throws IOException {
        ImageReference named;
        try {
            named = ImageReference.parseName(name);
        } catch (InvalidReferenceException anId) {
            return List.of();
        }
        if (named.digest() != null) {
            return List.of();
        }
        return images.referencesTo(image.id()).stream()
                .filter(r -> r.digest() == null && r.name().equals(named.name()))
                .filter(r -> named.tag() == null || r.tag().equals(named.tag()))
                .toList();
    }

    private Image resolve(String name) throws IOException {
        Optional<Image> image;
        try {
            image = images.lookup(name);
        } catch (InvalidReferenceException e) {
            throw new NotFoundException("No such image: " + name);
        }
        return image.orElseThrow(() -> new NotFoundException("No such image: " + name));
    }

    private void load(Exchange exchange) throws IOException {
        List<ImageArchiveReader.Loaded> loaded;
        try {
            loaded = reader.load(exchange.body());
        } catch (InvalidArchiveException | LayerException | InvalidReferenceException e) {
            throw new InvalidArgumentException(e.getMessage(), e);
        }
        try (OutputStream out = exchange.respondStream(200, "application/json")) {
            for (ImageArchiveReader.Loaded image : loaded) {
                events.publish("load", image.image(), image.image().id().toString());
                if (image.tags().isEmpty()) {
                    line(out, "Loaded image ID: " + image.image().id() + "\n");
                }
                for (ImageReference tag : image.tags()) {
                    line(out, "Loaded image: " + tag.familiarString() + "\n");
                }
            }
        }
    }

    private void line(OutputStream out, String text) throws IOException {
        out.write(json.writeValueAsBytes(ProgressMessage.builder().stream(text).build()));
        out.write('\n');
    }
}
