package dev.wharf.registry.auth;

import dev.wharf.registry.errors.ErrorCode;
import dev.wharf.registry.errors.RegistryException;
import dev.wharf.registry.http.Exchange;
import java.io.IOException;

/** {@code GET /token}: the Docker token flow's issuer, when token auth is configured. */
public interface TokenEndpoint {
    void issue(Exchange exchange) throws IOException;

    TokenEndpoint DISABLED = exchange -> {
        throw new RegistryException(ErrorCode.UNSUPPORTED, "token authentication is not configured");
    };
}
