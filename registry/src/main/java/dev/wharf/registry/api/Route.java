package dev.wharf.registry.api;

import dev.wharf.registry.errors.ErrorCode;
import dev.wharf.registry.errors.RegistryException;
import dev.wharf.registry.storage.RepositoryName;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which endpoint a path names, with its repository and reference (digest, tag or upload id). */
public record Route(Endpoint endpoint, RepositoryName repository, String reference) {
    public enum Endpoint { BASE, CATALOG, UPLOADS, UPLOAD, BLOB, MANIFEST, TAGS, REFERRERS, TOKEN, METRICS, HEALTH }

    // The name is greedy and the suffixes are tried most specific first, as the spec's table lists them.
    private static final Pattern UPLOADS = Pattern.compile("/v2/(.+)/blobs/uploads/?");
    private static final Pattern UPLOAD = Pattern.compile("/v2/(.+)/blobs/uploads/([^/]+)");
    private static final Pattern BLOB = Pattern.compile("/v2/(.+)/blobs/([^/]+)");
    private static final Pattern MANIFEST = Pattern.compile("/v2/(.+)/manifests/([^/]+)");
    private static final Pattern TAGS = Pattern.compile("/v2/(.+)/tags/list");
    private static final Pattern REFERRERS = Pattern.compile("/v2/(.+)/referrers/([^/]+)");

    public static Route of(String path) {
        switch (path) {
            case "/v2", "/v2/" -> { return new Route(Endpoint.BASE, null, null); }
            case "/v2/_catalog" -> { return new Route(Endpoint.CATALOG, null, null); }
            case "/token" -> { return new Route(Endpoint.TOKEN, null, null); }
            case "/metrics" -> { return new Route(Endpoint.METRICS, null, null); }
            case "/health", "/healthz" -> { return new Route(Endpoint.HEALTH, null, null); }
            default -> { }
        }
        Route route = match(UPLOADS, Endpoint.UPLOADS, path);
        route = route != null ? route : match(UPLOAD, Endpoint.UPLOAD, path);
        route = route != null ? route : match(BLOB, Endpoint.BLOB, path);
        route = route != null ? route : match(MANIFEST, Endpoint.MANIFEST, path);
        route = route != null ? route : match(TAGS, Endpoint.TAGS, path);
        route = route != null ? route : match(REFERRERS, Endpoint.REFERRERS, path);
        if (route == null) {
            throw new RegistryException(ErrorCode.NAME_UNKNOWN, "unknown endpoint: " + path);
        }
        return route;
    }

    private static Route match(Pattern pattern, Endpoint endpoint, String path) {
        Matcher m = pattern.matcher(path);
        if (!m.matches()) {
            return null;
        }
        return new Route(endpoint, new RepositoryName(m.group(1)), m.groupCount() > 1 ? m.group(2) : null);
    }
}
