package dev.wharf.registry.auth;

import dev.wharf.registry.errors.ErrorCode;
import dev.wharf.registry.errors.RegistryException;
import dev.wharf.registry.http.Exchange;
import java.util.List;
import java.util.Optional;

/** HTTP basic authentication against an htpasswd file, then the access rules. */
public final class BasicAuthorizer implements Authorizer {
    private static final String CHALLENGE = "Basic realm=\"wharf-registry\"";

    private final Htpasswd users;
    private final AccessRules rules;

    public BasicAuthorizer(Htpasswd users, AccessRules rules) {
        this.users = users;
        this.rules = rules;
    }

    @Override
    public String authorize(Exchange exchange, List<Access> needed) {
        String account = account(exchange).orElseThrow(() ->
                new RegistryException(ErrorCode.UNAUTHORIZED, "authentication required").withHeader("WWW-Authenticate", CHALLENGE));
        for (Access access : needed) {
            if (!rules.permits(account, access)) {
                throw new RegistryException(ErrorCode.DENIED, "requested access to the resource is denied: " + access.scope());
            }
        }
        return account;
    }

    @Override
    public boolean permits(Exchange exchange, Access access) {
        return account(exchange).map(account -> rules.permits(account, access)).orElse(false);
    }

    private Optional<String> account(Exchange exchange) {
        return Credentials.basic(exchange.header("Authorization"))
                .filter(credentials -> users.verify(credentials.user(), credentials.password()))
                .map(Credentials::user);
    }
}
