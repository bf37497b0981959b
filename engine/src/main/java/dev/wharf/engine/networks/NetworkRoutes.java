package dev.wharf.engine.networks;

import dev.wharf.api.types.NetworkConnectRequest;
import dev.wharf.api.types.NetworkCreateRequest;
import dev.wharf.api.types.NetworkDisconnectRequest;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.filters.Filters;
import dev.wharf.engine.http.Exchange;
import dev.wharf.engine.http.Routes;

/** The {@code /networks} endpoints of the Engine API. */
public final class NetworkRoutes {
    private final NetworkService service;
    private final ContainerConnector connector;

    public NetworkRoutes(NetworkService service, ContainerConnector connector) {
        this.service = service;
        this.connector = connector;
    }

    public void register(Routes routes) {
        routes.add("GET", "/networks", this::list);
        routes.add("POST", "/networks/create", this::create);
        routes.add("POST", "/networks/prune", this::prune);
        routes.add("GET", "/networks/{id}", this::inspect);
        routes.add("DELETE", "/networks/{id}", this::remove);
        routes.add("POST", "/networks/{id}/connect", this::connect);
        routes.add("POST", "/networks/{id}/disconnect", this::disconnect);
    }

    private void list(Exchange exchange) throws Exception {
        exchange.respondJson(200, service.list(Filters.parse(exchange.query("filters").orElse(null))));
    }

    private void create(Exchange exchange) throws Exception {
        exchange.respondJson(201, service.create(exchange.bodyJson(NetworkCreateRequest.class)));
    }

    private void prune(Exchange exchange) throws Exception {
        exchange.respondJson(200, service.prune(Filters.parse(exchange.query("filters").orElse(null))));
    }

    private void inspect(Exchange exchange) throws Exception {
        exchange.respondJson(200, service.inspect(exchange.pathParam("id")));
    }

    private void remove(Exchange exchange) throws Exception {
        service.remove(exchange.pathParam("id"));
        exchange.respondEmpty(204);
    }

    private void connect(Exchange exchange) throws Exception {
        NetworkConnectRequest request = exchange.bodyJson(NetworkConnectRequest.class);
        if (request == null || request.container() == null || request.container().isEmpty()) {
            throw new InvalidArgumentException("container name or ID must be provided");
        }
        connector.connect(request.container(), service.lookup(exchange.pathParam("id")), request.endpointConfig());
        exchange.respondEmpty(200);
    }

    private void disconnect(Exchange exchange) throws Exception {
        NetworkDisconnectRequest request = exchange.bodyJson(NetworkDisconnectRequest.class);
        if (request == null || request.container() == null || request.container().isEmpty()) {
            throw new InvalidArgumentException("container name or ID must be provided");
        }
        connector.disconnect(request.container(), service.lookup(exchange.pathParam("id")), request.force());
        exchange.respondEmpty(200);
    }
}
