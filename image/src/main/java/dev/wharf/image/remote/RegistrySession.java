package dev.wharf.image.remote;

import java.net.URI;
import java.util.List;

/**
 * The state of talking to one registry for one operation: where, with which credentials and scopes
 * ({@code repository:library/busybox:pull}), and the Authorization header the last challenge earned,
 * which later requests of the same operation reuse.
 */
final class RegistrySession {
    private volatile URI base;
    private final RegistryAuth auth;
    private final List<String> scopes;
    private volatile String authorization;

    RegistrySession(URI base, RegistryAuth auth, List<String> scopes) {
        this.base = base;
        this.auth = auth == null ? RegistryAuth.ANONYMOUS : auth;
        this.scopes = List.copyOf(scopes);
    }

    static RegistrySession anonymous() {
        return new RegistrySession(URI.create("http://localhost"), RegistryAuth.ANONYMOUS, List.of());
    }

    URI base() {
        return base;
    }

    /** The registry answered on another base (an insecure registry's plain HTTP): later requests go there. */
    void moveTo(URI newBase) {
        this.base = newBase;
    }

    RegistryAuth auth() {
        return auth;
    }

    List<String> scopes() {
        return scopes;
    }

    String authorization() {
        return authorization;
    }

    void authorize(String header) {
        this.authorization = header;
    }
}
