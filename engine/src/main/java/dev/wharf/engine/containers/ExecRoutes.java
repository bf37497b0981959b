package dev.wharf.engine.containers;

import dev.wharf.api.types.ExecConfig;
import dev.wharf.engine.http.Exchange;
import dev.wharf.engine.http.Routes;

/** The exec endpoints of the Engine API. */
public final class ExecRoutes {
    private final ExecService service;

    public ExecRoutes(ExecService service) {
        this.service = service;
    }

    public void register(Routes routes) {
        routes.add("POST", "/containers/{id}/exec", this::create);
        routes.add("POST", "/exec/{id}/start", new ExecStartHandler(service));
        routes.add("POST", "/exec/{id}/resize", this::resize);
        routes.add("GET", "/exec/{id}/json", this::inspect);
    }

    private void create(Exchange exchange) throws Exception {
        exchange.respondJson(201, service.create(exchange.pathParam("id"), exchange.bodyJson(ExecConfig.class)));
    }

    private void resize(Exchange exchange) throws Exception {
        service.resize(exchange.pathParam("id"), QueryInts.get(exchange, "h", 0), QueryInts.get(exchange, "w", 0));
        exchange.respondEmpty(200);
    }

    private void inspect(Exchange exchange) throws Exception {
        exchange.respondJson(200, service.inspect(exchange.pathParam("id")));
    }
}
