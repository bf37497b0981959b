package dev.wharf.engine.distribution;

import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.errors.SystemException;
import dev.wharf.engine.http.Exchange;
import dev.wharf.image.ImageReference;
import dev.wharf.image.remote.RegistryAuth;
import dev.wharf.image.remote.RegistryClient;
import dev.wharf.image.remote.RegistryException;
import dev.wharf.image.remote.RegistryHosts;
import dev.wharf.image.remote.RegistryHttp;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /auth}: checks the credentials against the registry's {@code /v2/} (through the same
 * challenge and token flow a pull uses) and stores nothing; the CLI keeps them in its config.json.
 */
public final class AuthEndpoint {
    private final RegistryHttp http;
    private final RegistryHosts hosts;

    public AuthEndpoint(RegistryHttp http, RegistryHosts hosts) {
        this.http = http;
        this.hosts = hosts;
    }

    public void login(Exchange exchange) throws IOException {
        RegistryAuth auth = exchange.bodyJson(RegistryAuth.class);
        if (auth == null) {
            throw new InvalidArgumentException("no credentials given");
        }
        URI base = hosts.base(domainOf(auth.serverAddress()));
        try {
            RegistryClient.checkLogin(http, base, auth);
        } catch (RegistryException e) {
            String reason = e.status() == 0 ? e.getMessage() : "failed with status: " + RegistryHttp.statusText(e.status());
            throw new SystemException("login attempt to " + base.resolve("/v2/") + " " + reason, e);
        }
        Map<String, String> reply = new LinkedHashMap<>();
        reply.put("IdentityToken", "");
        reply.put("Status", "Login Succeeded");
        exchange.respondJson(200, reply);
    }

    /** {@code https://index.docker.io/v1/} and other URL forms of a server address become a registry domain. */
    static String domainOf(String serverAddress) {
        if (serverAddress == null || serverAddress.isBlank()) {
            return ImageReference.DEFAULT_DOMAIN;
        }
        String s = serverAddress.strip().replaceFirst("^[a-zA-Z]+://", "");
        int slash = s.indexOf('/');
        String host = slash < 0 ? s : s.substring(0, slash);
        return host.equals("index.docker.io") || host.equals("registry-1.docker.io") ? ImageReference.DEFAULT_DOMAIN
                : host;
    }
}
