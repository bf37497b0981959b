package dev.wharf.registry.auth;

import dev.wharf.registry.http.Exchange;
import java.util.List;

/**
 * Decides whether a request may have the access it needs. Throws UNAUTHORIZED (with the challenge the
 * client should answer) or DENIED; returns the account name for the access log.
 */
public interface Authorizer {
    String authorize(Exchange exchange, List<Access> needed);

    /** Whether access beyond {@code needed} is granted too (e.g. pull on a mount's source repository). */
    boolean permits(Exchange exchange, Access access);

    /** No authentication: everyone may do everything. */
    Authorizer OPEN = new Authorizer() {
        @Override
        public String authorize(Exchange exchange, List<Access> needed) {
            return "-";
        }

        @Override
        public boolean permits(Exchange exchange, Access access) {
            return true;
        }
    };
}
