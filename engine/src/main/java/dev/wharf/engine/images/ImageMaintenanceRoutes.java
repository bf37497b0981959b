package dev.wharf.engine.images;

import dev.wharf.engine.filters.Filters;
import dev.wharf.engine.http.Routes;
import dev.wharf.image.Image;
import dev.wharf.image.ImageStore;

/** {@code GET /images/{name}/history} and {@code POST /images/prune}. */
public final class ImageMaintenanceRoutes {
    private final ImageService service;
    private final ImageStore images;
    private final ImagePruner pruner;

    public ImageMaintenanceRoutes(ImageService service, ImageStore images, ImagePruner pruner) {
        this.service = service;
        this.images = images;
        this.pruner = pruner;
    }

    public void register(Routes routes) {
        routes.add("GET", "/images/{name:.*}/history", exchange -> {
            Image image = service.resolve(exchange.pathParam("name"));
            exchange.respondJson(200, ImageHistory.of(image, images.referencesTo(image.id())));
        });
        routes.add("POST", "/images/prune", exchange -> exchange.respondJson(200,
                pruner.prune(Filters.parse(exchange.query("filters").orElse(null)))));
    }
}
