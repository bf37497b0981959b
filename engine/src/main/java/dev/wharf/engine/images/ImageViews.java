package dev.wharf.engine.images;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.api.types.GraphDriver;
import dev.wharf.api.types.HealthConfig;
import dev.wharf.api.types.ImageInspect;
import dev.wharf.api.types.ImageMetadata;
import dev.wharf.api.types.ImageSummary;
import dev.wharf.api.types.RootFs;
import dev.wharf.engine.http.ApiVersion;
import dev.wharf.image.ContainerConfig;
import dev.wharf.image.Digest;
import dev.wharf.image.EmptyObject;
import dev.wharf.image.History;
import dev.wharf.image.Image;
import dev.wharf.image.ImageReference;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stored images as the Engine API shows them: {@code /images/json} entries and {@code /images/{name}/json}. */
final class ImageViews {
    /** Docker's zero time, shown as LastTagTime for images never tagged on this daemon. */
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private final ObjectMapper json;

    ImageViews(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param refs the image's references (already narrowed by a reference filter, if any)
     * @param parent the image's parent, or null
     */
    ImageSummary summary(Image image, List<ImageReference> refs, Digest parent, ApiVersion version) {
        List<String> tags = repoTags(refs);
        List<String> digests = repoDigests(refs);
        boolean dangling = tags.isEmpty() && digests.isEmpty();
        Instant created = image.config().createdAt();
        return ImageSummary.builder()
                .containers(-1)
                .created(created == null ? 0 : created.getEpochSecond())
                .id(image.id().toString())
                .labels(image.config().containerConfig().labels())
                .parentId(parent == null ? "" : parent.toString())
                .repoDigests(dangling ? List.of("<none>@<none>") : digests)
                .repoTags(dangling ? List.of("<none>:<none>") : tags)
                .sharedSize(-1)
                .size(image.size())
                // VirtualSize was dropped in API 1.44.
                .virtualSize(version.atLeast(1, 44) ? null : image.size())
                .build();
    }

    ImageInspect inspect(Image image, List<ImageReference> refs, Digest parent, ApiVersion version) {
        List<History> history = image.config().history();
        String comment = history.isEmpty() || history.getLast().comment() == null ? "" : history.getLast().comment();
        return ImageInspect.builder()
                .id(image.id().toString())
                .repoTags(repoTags(refs))
                .repoDigests(repoDigests(refs))
                .parent(parent == null ? "" : parent.toString())
                .comment(comment)
                .created(image.config().created() == null ? ZERO_TIME : image.config().created())
                .dockerVersion("")
                .author(image.config().author() == null ? "" : image.config().author())
                .config(apiConfig(image.config().containerConfig()))
                .architecture(nullToEmpty(image.config().architecture()))
                .variant(image.config().variant())
                .os(nullToEmpty(image.config().os()))
                .size(image.size())
                .virtualSize(version.atLeast(1, 44) ? null : image.size())
                .graphDriver(new GraphDriver(null, "overlay2"))
                .rootFs(new RootFs("layers", image.config().rootfs() == null ? List.of()
                        : image.config().rootfs().diffIds().stream().map(Digest::toString).toList()))
                .metadata(new ImageMetadata(ZERO_TIME))
                .build();
    }

    static List<String> repoTags(List<ImageReference> refs) {
        return refs.stream().filter(r -> r.tag() != null && r.digest() == null)
                .map(ImageReference::familiarString).sorted().toList();
    }

    static List<String> repoDigests(List<ImageReference> refs) {
        return refs.stream().filter(r -> r.digest() != null)
                .map(r -> r.familiarName() + "@" + r.digest()).sorted().toList();
    }

    private dev.wharf.api.types.ContainerConfig apiConfig(ContainerConfig c) {
        return dev.wharf.api.types.ContainerConfig.builder()
                .user(nullToEmpty(c.user()))
                .exposedPorts(emptyObjects(c.exposedPorts()))
                .env(c.env())
                .cmd(c.cmd())
                .healthcheck(c.healthcheck() == null ? null : json.convertValue(c.healthcheck(), HealthConfig.class))
                .argsEscaped(c.argsEscaped())
                .image("")
                .volumes(emptyObjects(c.volumes()))
                .workingDir(nullToEmpty(c.workingDir()))
                .entrypoint(c.entrypoint())
                .onBuild(c.onBuild())
                .labels(c.labels())
                .stopSignal(c.stopSignal())
                .shell(c.shell())
                .build();
    }

    private static Map<String, Map<String, Object>> emptyObjects(Map<String, EmptyObject> set) {
        if (set == null) {
            return null;
        }
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        set.keySet().forEach(key -> result.put(key, Map.of()));
        return result;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
