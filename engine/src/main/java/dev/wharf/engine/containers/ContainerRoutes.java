package dev.wharf.engine.containers;

import dev.wharf.api.types.ContainerCreateRequest;
import dev.wharf.api.types.ContainerUpdateRequest;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.filters.Filters;
import dev.wharf.engine.http.Exchange;
import dev.wharf.engine.http.Routes;

/** The container endpoints of the Engine API. */
public final class ContainerRoutes {
    private final ContainerService service;

    public ContainerRoutes(ContainerService service) {
        this.service = service;
    }

    public void register(Routes routes) {
        routes.add("POST", "/containers/create", this::create);
        routes.add("GET", "/containers/json", this::list);
        routes.add("GET", "/containers/{id}/json", this::inspect);
        routes.add("POST", "/containers/{id}/start", this::start);
        routes.add("POST", "/containers/{id}/stop", this::stop);
        routes.add("POST", "/containers/{id}/restart", this::restart);
        routes.add("POST", "/containers/{id}/kill", this::kill);
        routes.add("POST", "/containers/{id}/resize", this::resize);
        routes.add("POST", "/containers/{id}/pause", this::pause);
        routes.add("POST", "/containers/{id}/unpause", this::unpause);
        routes.add("POST", "/containers/{id}/rename", this::rename);
        routes.add("GET", "/containers/{id}/top", this::top);
        routes.add("POST", "/containers/{id}/update", this::update);
        routes.add("POST", "/containers/{id}/wait", new WaitHandler(service));
        routes.add("POST", "/containers/{id}/attach", new AttachHandler(service));
        routes.add("GET", "/containers/{id}/logs", new LogsHandler(service));
        routes.add("GET", "/containers/{id}/stats", new StatsHandler(service));
        routes.add("DELETE", "/containers/{id}", this::remove);
    }

    private void create(Exchange exchange) throws Exception {
        ContainerCreateRequest request = exchange.bodyJson(ContainerCreateRequest.class);
        exchange.respondJson(201, service.create(request, exchange.query("name").orElse(null)));
    }

    private void list(Exchange exchange) throws Exception {
        int limit = intParam(exchange, "limit", -1);
        exchange.respondJson(200, service.list(exchange.queryFlag("all", false), limit,
                exchange.queryFlag("size", false), Filters.parse(exchange.query("filters").orElse(null))));
    }

    private void inspect(Exchange exchange) throws Exception {
        exchange.respondJson(200, service.inspect(exchange.pathParam("id"), exchange.queryFlag("size", false)));
    }

    private void start(Exchange exchange) throws Exception {
        service.start(exchange.pathParam("id"));
        exchange.respondEmpty(204);
    }

    private void stop(Exchange exchange) throws Exception {
        service.stop(exchange.pathParam("id"), exchange.query("signal").orElse(null), timeout(exchange));
        exchange.respondEmpty(204);
    }

    private void restart(Exchange exchange) throws Exception {
        service.restart(exchange.pathParam("id"), exchange.query("signal").orElse(null), timeout(exchange));
        exchange.respondEmpty(204);
    }

    private void kill(Exchange exchange) throws Exception {
        service.kill(exchange.pathParam("id"), exchange.query("signal").orElse(null));
        exchange.respondEmpty(204);
    }

    private void pause(Exchange exchange) throws Exception {
        service.pause(exchange.pathParam("id"));
        exchange.respondEmpty(204);
    }

    private void unpause(Exchange exchange) throws Exception {
        service.unpause(exchange.pathParam("id"));
        exchange.respondEmpty(204);
    }

    private void rename(Exchange exchange) throws Exception {
        service.rename(exchange.pathParam("id"), exchange.query("name").orElse(null));
        exchange.respondEmpty(204);
    }

    private void top(Exchange exchange) throws Exception {
        exchange.respondJson(200, service.top(exchange.pathParam("id"), exchange.query("ps_args").orElse(null)));
    }

    private void update(Exchange exchange) throws Exception {
        ContainerUpdateRequest request = exchange.bodyJson(ContainerUpdateRequest.class);
        exchange.respondJson(200, service.update(exchange.pathParam("id"), request));
    }

    private void resize(Exchange exchange) throws Exception {
        int rows = intParam(exchange, "h", 0);
        int cols = intParam(exchange, "w", 0);
        service.resize(exchange.pathParam("id"), rows, cols);
        exchange.respondEmpty(200);
    }

    private void remove(Exchange exchange) throws Exception {
        service.remove(exchange.pathParam("id"), exchange.queryFlag("force", false), exchange.queryFlag("v", false));
        exchange.respondEmpty(204);
    }

    private static Integer timeout(Exchange exchange) {
        return exchange.query("t").filter(t -> !t.isEmpty()).map(QueryInts::parse).orElse(null);
    }

    private static int intParam(Exchange exchange, String name, int fallback) {
        return QueryInts.get(exchange, name, fallback);
    }
}
