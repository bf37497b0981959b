package dev.wharf.engine.volumes;

import dev.wharf.api.types.VolumeCreateRequest;
import dev.wharf.engine.filters.Filters;
import dev.wharf.engine.http.Exchange;
import dev.wharf.engine.http.Routes;

/** The volume endpoints of the Engine API. */
public final class VolumeRoutes {
    private final VolumeService service;

    public VolumeRoutes(VolumeService service) {
        this.service = service;
    }

    public void register(Routes routes) {
        routes.add("POST", "/volumes/create", this::create);
        routes.add("GET", "/volumes", this::list);
        routes.add("POST", "/volumes/prune", this::prune);
        routes.add("GET", "/volumes/{name}", this::inspect);
        routes.add("DELETE", "/volumes/{name}", this::remove);
    }

    private void create(Exchange exchange) throws Exception {
        exchange.respondJson(201, service.create(exchange.bodyJson(VolumeCreateRequest.class)));
    }

    private void list(Exchange exchange) throws Exception {
        exchange.respondJson(200, service.list(filters(exchange)));
    }

    private void prune(Exchange exchange) throws Exception {
        exchange.respondJson(200, service.prune(filters(exchange)));
    }

    private void inspect(Exchange exchange) throws Exception {
        exchange.respondJson(200, service.inspect(exchange.pathParam("name")));
    }

    private void remove(Exchange exchange) throws Exception {
        service.remove(exchange.pathParam("name"), exchange.queryFlag("force", false));
        exchange.respondEmpty(204);
    }

    private static Filters filters(Exchange exchange) {
        return Filters.parse(exchange.query("filters").orElse(null));
    }
}
