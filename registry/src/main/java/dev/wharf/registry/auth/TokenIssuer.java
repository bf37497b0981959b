package dev.wharf.registry.auth;

import dev.wharf.image.Json;
import dev.wharf.registry.errors.ErrorCode;
import dev.wharf.registry.errors.RegistryException;
import dev.wharf.registry.http.Exchange;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /token?service=…&scope=…}: the Docker token spec's endpoint. Basic credentials (checked against
 * htpasswd) name the account, none means anonymous; the token grants the requested actions the rules allow,
 * which may be fewer than asked (the registry then refuses what is missing).
 */
public final class TokenIssuer implements TokenEndpoint {
    private final TokenService tokens;
    private final Htpasswd users;
    private final AccessRules rules;

    public TokenIssuer(TokenService tokens, Htpasswd users, AccessRules rules) {
        this.tokens = tokens;
        this.users = users;
        this.rules = rules;
    }

    @Override
    public void issue(Exchange exchange) throws IOException {
        if (!exchange.method().equals("GET")) {
            throw new RegistryException(ErrorCode.UNSUPPORTED, "the token endpoint answers GET");
        }
        String account = account(exchange);
        List<Access> granted = new ArrayList<>();
        for (Access requested : requestedScopes(exchange)) {
            Set<String> actions = rules.granted(account, requested);
            if (!actions.isEmpty()) {
                granted.add(new Access(requested.type(), requested.name(), actions));
            }
        }
        Instant now = Instant.now();
        String token = tokens.issue(account, granted, now);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", token);
        body.put("access_token", token);
        body.put("expires_in", tokens.lifetime().toSeconds());
        body.put("issued_at", now.toString());
        exchange.respond(200, Exchange.headers().set("Content-Type", "application/json"), Json.bytes(body));
    }

    private String account(Exchange exchange) {
        String authorization = exchange.header("Authorization");
        if (authorization == null) {
            return AccessRules.ANONYMOUS;
        }
        Optional<Credentials> credentials = Credentials.basic(authorization);
        if (credentials.isEmpty() || users == null || !users.verify(credentials.get().user(), credentials.get().password())) {
            throw new RegistryException(ErrorCode.UNAUTHORIZED, "invalid username or password")
                    .withHeader("WWW-Authenticate", "Basic realm=\"wharf-registry\"");
        }
        return credentials.get().user();
    }

    /** Each {@code scope} parameter holds space-separated {@code type:name:actions}; a name may contain colons. */
    private static List<Access> requestedScopes(Exchange exchange) {
        List<Access> scopes = new ArrayList<>();
        for (String parameter : exchange.queries().getOrDefault("scope", List.of())) {
            for (String scope : parameter.trim().split("\\s+")) {
                int first = scope.indexOf(':');
                int last = scope.lastIndexOf(':');
                if (first < 0 || last == first) {
                    continue;
                }
                scopes.add(new Access(scope.substring(0, first), scope.substring(first + 1, last),
                        Set.of(scope.substring(last + 1).split(","))));
            }
        }
        return scopes;
    }
}
