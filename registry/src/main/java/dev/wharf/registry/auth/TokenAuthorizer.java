package dev.wharf.registry.auth;

import dev.wharf.registry.errors.ErrorCode;
import dev.wharf.registry.errors.RegistryException;
import dev.wharf.registry.http.Exchange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The registry side of the token flow: a valid bearer token must grant every access the request needs;
 * otherwise 401 with the challenge that tells the client where to get one and for which scope.
 */
public final class TokenAuthorizer implements Authorizer {
    private final TokenService tokens;
    private final String realm;

    /** {@code realm} null: this registry's own {@code /token}, at the host the client addressed. */
    public TokenAuthorizer(TokenService tokens, String realm) {
        this.tokens = tokens;
        this.realm = realm;
    }

    @Override
    public String authorize(Exchange exchange, List<Access> needed) {
        Optional<TokenService.Grant> grant = grant(exchange);
        if (grant.isPresent() && needed.stream().allMatch(grant.get()::covers)) {
            return grant.get().account().isEmpty() ? "-" : grant.get().account();
        }
        StringBuilder challenge = new StringBuilder("Bearer realm=\"").append(realm(exchange))
                .append("\",service=\"").append(tokens.service()).append('"');
        if (!needed.isEmpty()) {
            challenge.append(",scope=\"").append(needed.stream().map(Access::scope).collect(Collectors.joining(" "))).append('"');
        }
        if (grant.isPresent()) {
            challenge.append(",error=\"insufficient_scope\"");
        }
        throw new RegistryException(ErrorCode.UNAUTHORIZED, grant.isPresent() ? "insufficient scope" : "authentication required")
                .withHeader("WWW-Authenticate", challenge.toString());
    }

    @Override
    public boolean permits(Exchange exchange, Access access) {
        return grant(exchange).map(grant -> grant.covers(access)).orElse(false);
    }

    private Optional<TokenService.Grant> grant(Exchange exchange) {
        String authorization = exchange.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return tokens.verify(authorization.substring(7).trim(), Instant.now());
    }

    private String realm(Exchange exchange) {
        return realm != null ? realm : (exchange.isSecure() ? "https://" : "http://") + exchange.host() + "/token";
    }
}
