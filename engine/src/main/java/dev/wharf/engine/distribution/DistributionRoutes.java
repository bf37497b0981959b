package dev.wharf.engine.distribution;

import dev.wharf.engine.http.Routes;

/** The endpoints that move images between wharfd and registries, except pull (part of {@code /images/create}). */
public final class DistributionRoutes {
    private final PushEndpoint push;
    private final AuthEndpoint auth;

    public DistributionRoutes(PushEndpoint push, AuthEndpoint auth) {
        this.push = push;
        this.auth = auth;
    }

    public void register(Routes routes) {
        routes.add("POST", "/images/{name:.*}/push", push::push);
        routes.add("POST", "/auth", auth::login);
    }
}
