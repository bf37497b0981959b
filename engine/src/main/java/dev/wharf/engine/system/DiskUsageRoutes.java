package dev.wharf.engine.system;

import dev.wharf.api.types.ContainerSummary;
import dev.wharf.api.types.DiskUsage;
import dev.wharf.api.types.ImageSummary;
import dev.wharf.engine.containers.ContainerService;
import dev.wharf.engine.filters.Filters;
import dev.wharf.engine.http.Routes;
import dev.wharf.engine.images.ImageService;
import dev.wharf.engine.volumes.VolumeService;
import dev.wharf.image.Descriptor;
import dev.wharf.image.Digest;
import dev.wharf.image.Image;
import dev.wharf.image.ImageStore;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /system/df}: images (with how many containers use each), containers with their sizes, the
 * distinct layer bytes, and volumes with their sizes and reference counts. The build cache is an empty
 * list until its owner reports here.
 */
public final class DiskUsageRoutes {
    private final ImageService imageService;
    private final ImageStore images;
    private final ContainerService containers;
    private final VolumeService volumes;

    public DiskUsageRoutes(ImageService imageService, ImageStore images, ContainerService containers,
            VolumeService volumes) {
        this.imageService = imageService;
        this.images = images;
        this.containers = containers;
        this.volumes = volumes;
    }

    public void register(Routes routes) {
        routes.add("GET", "/system/df", exchange -> exchange.respondJson(200, usage(exchange.apiVersion())));
    }

    private DiskUsage usage(dev.wharf.engine.http.ApiVersion version) throws IOException {
        List<ContainerSummary> all = containers.list(true, -1, true, Filters.none());
        Map<String, Long> users = new HashMap<>();
        all.forEach(c -> users.merge(c.imageId(), 1L, Long::sum));
        List<ImageSummary> summaries = imageService.list(Filters.none(), version).stream()
                .map(i -> new ImageSummary(users.getOrDefault(i.id(), 0L), i.created(), i.id(), i.labels(), i.parentId(),
                        i.repoDigests(), i.repoTags(), i.sharedSize(), i.size(), i.virtualSize()))
                .toList();
        Map<Digest, Long> layers = new HashMap<>();
        for (Image image : images.list()) {
            for (Descriptor layer : image.manifest().layers()) {
                layers.put(layer.digest(), layer.size());
            }
        }
        long layersSize = layers.values().stream().mapToLong(Long::longValue).sum();
        return new DiskUsage(layersSize, summaries, all, volumes.usage(), List.of(), 0);
    }
}
