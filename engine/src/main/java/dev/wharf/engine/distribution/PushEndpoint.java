package dev.wharf.engine.distribution;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.engine.errors.NotFoundException;
import dev.wharf.engine.events.EventBus;
import dev.wharf.engine.http.Exchange;
import dev.wharf.engine.images.ImageEvents;
import dev.wharf.image.Digest;
import dev.wharf.image.Image;
import dev.wharf.image.ImageReference;
import dev.wharf.image.ImageStore;
import dev.wharf.image.remote.ImagePusher;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /images/{name}/push?tag=}: the tag given, or every tag of the repository when none is.
 * The stream starts with "The push refers to repository […]" and ends per tag with the digest line and
 * Docker's {@code aux} record {Tag, Digest, Size}; failures after the start are in-band.
 */
public final class PushEndpoint {
    private static final System.Logger LOG = System.getLogger(PushEndpoint.class.getName());

    private final ImagePusher pusher;
    private final ImageStore images;
    private final ImageEvents events;
    private final ObjectMapper json;

    public PushEndpoint(ImagePusher pusher, ImageStore images, EventBus bus, ObjectMapper json) {
        this.pusher = pusher;
        this.images = images;
        this.events = new ImageEvents(bus);
        this.json = json;
    }

    public void push(Exchange exchange) throws IOException {
        ImageReference name;
        List<Map.Entry<ImageReference, Digest>> targets;
        try {
            name = ImageReference.parseName(exchange.pathParam("name"));
            String tag = exchange.query("tag").orElse("");
            ImageReference wanted = tag.isEmpty() ? (name.tag() != null ? name : null) : name.withTag(tag);
            targets = new ArrayList<>(images.references().entrySet().stream()
                    .filter(e -> e.getKey().digest() == null && e.getKey().name().equals(name.name()))
                    .filter(e -> wanted == null || e.getKey().equals(wanted.withDigest(null)))
                    .toList());
            if (targets.isEmpty()) {
                throw new NotFoundException("An image does not exist locally with the tag: "
                        + (wanted == null ? name : wanted).familiarName());
            }
        } catch (IOException | RuntimeException e) {
            throw RegistryErrors.translate(e);
        }
        var auth = RegistryAuthHeader.decode(exchange.header("X-Registry-Auth"));
        try (OutputStream out = exchange.respondStream(200, "application/json")) {
            ProgressStream progress = new ProgressStream(out, json);
            progress.line("The push refers to repository [" + name.name() + "]");
            try {
                for (var target : targets) {
                    Image image = images.get(target.getValue()).orElseThrow(
                            () -> new NotFoundException("No such image: " + target.getKey().familiarString()));
                    ImagePusher.Result result = pusher.push(target.getKey(), image, auth, progress);
                    progress.line(result.tag() + ": digest: " + result.digest() + " size: " + result.size());
                    ObjectNode aux = json.createObjectNode().put("Tag", result.tag())
                            .put("Digest", result.digest().toString()).put("Size", result.size());
                    progress.aux(aux);
                    events.publish("push", image, target.getKey().familiarString());
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof UncheckedIOException) {
                    throw e;
                }
                LOG.log(System.Logger.Level.WARNING, "push failed: " + e.getMessage());
                progress.error(e.getMessage() != null ? e.getMessage() : e.toString());
            }
        }
    }
}
