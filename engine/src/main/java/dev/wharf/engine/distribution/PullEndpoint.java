package dev.wharf.engine.distribution;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.engine.events.EventBus;
import dev.wharf.engine.http.Exchange;
import dev.wharf.engine.images.ImageEvents;
import dev.wharf.image.Digest;
import dev.wharf.image.ImageReference;
import dev.wharf.image.InvalidReferenceException;
import dev.wharf.image.Platform;
import dev.wharf.image.remote.ImagePuller;
import dev.wharf.image.remote.PlatformMatcher;
import dev.wharf.image.remote.RegistryAuth;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /images/create?fromImage=&tag=&platform=}: the manifest is resolved before the reply
 * starts (so a missing image is a plain 404, as in Docker), then the transfer streams Docker's JSON
 * progress; a failure after that is reported in-band. An empty tag on a bare name pulls every tag.
 */
public final class PullEndpoint {
    private static final System.Logger LOG = System.getLogger(PullEndpoint.class.getName());

    private final ImagePuller puller;
    private final ImageEvents events;
    private final ObjectMapper json;

    public PullEndpoint(ImagePuller puller, EventBus bus, ObjectMapper json) {
        this.puller = puller;
        this.events = new ImageEvents(bus);
        this.json = json;
    }

    public void pull(Exchange exchange) throws IOException {
        RegistryAuth auth = RegistryAuthHeader.decode(exchange.header("X-Registry-Auth"));
        String platformText = exchange.query("platform").orElse("");
        List<ImagePuller.Plan> plans = new ArrayList<>();
        ImageReference named;
        try {
            Platform platform = platformText.isEmpty() ? null : PlatformMatcher.parse(platformText);
            named = reference(exchange.query("fromImage").orElse(""), exchange.query("tag").orElse(""));
            List<ImageReference> targets = named.isNameOnly()
                    ? puller.tags(named, auth).stream().map(named::withTag).toList() : List.of(named);
            for (ImageReference target : targets) {
                plans.add(puller.resolve(target, platform, auth));
            }
        } catch (IOException | RuntimeException e) {
            throw RegistryErrors.translate(e);
        }
        try (OutputStream out = exchange.respondStream(200, "application/json")) {
            ProgressStream progress = new ProgressStream(out, json);
            try {
                boolean newer = false;
                for (ImagePuller.Plan plan : plans) {
                    ImagePuller.Result result = puller.pull(plan, progress);
                    newer |= result.newer();
                    progress.line("Digest: " + result.repoDigest());
                    events.publish("pull", result.image(), plan.reference().familiarString());
                }
                String shown = plans.size() == 1 ? plans.getFirst().reference().familiarString() : named.familiarName();
                progress.line("Status: " + (newer ? "Downloaded newer image for " : "Image is up to date for ") + shown);
            } catch (IOException | RuntimeException e) {
                if (e instanceof UncheckedIOException) {
                    throw e; // the client is gone: nothing to report to
                }
                LOG.log(System.Logger.Level.WARNING, "pull failed: " + e.getMessage());
                progress.error(e.getMessage() != null ? e.getMessage() : e.toString());
            }
        }
    }

    /** Docker's rules: {@code tag} may be a tag or a digest; {@code fromImage} may carry either itself. */
    static ImageReference reference(String fromImage, String tag) {
        ImageReference ref = ImageReference.parseName(fromImage);
        if (tag.isEmpty()) {
            return ref;
        }
        if (Digest.isValid(tag)) {
            return ref.nameOnly().withDigest(Digest.parse(tag));
        }
        if (ref.digest() != null) {
            throw new InvalidReferenceException("invalid reference format: both a digest and a tag given");
        }
        return ref.withTag(tag);
    }
}
