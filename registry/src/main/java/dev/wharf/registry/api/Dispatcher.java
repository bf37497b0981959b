package dev.wharf.registry.api;

import dev.wharf.registry.auth.Access;
import dev.wharf.registry.auth.Authorizer;
import dev.wharf.registry.auth.TokenEndpoint;
import dev.wharf.registry.errors.ErrorCode;
import dev.wharf.registry.errors.RegistryException;
import dev.wharf.registry.http.ClientGoneException;
import dev.wharf.registry.http.Exchange;
import dev.wharf.registry.http.RequestHandler;
import dev.wharf.registry.ops.AccessLog;
import dev.wharf.registry.ops.Metrics;
import dev.wharf.registry.storage.RegistryStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every request's way through the registry: route, authorise, refuse writes in read-only mode, run the
 * endpoint, and turn any failure into the spec's error reply; then the access log and metrics.
 */
public final class Dispatcher implements RequestHandler {
    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());

    private final ApiPolicy policy;
    private final Authorizer authorizer;
    private final TokenEndpoint tokens;
    private final Metrics metrics;
    private final AccessLog accessLog;
    private final BlobHandler blobs;
    private final UploadHandler uploads;
    private final ManifestHandler manifests;
    private final ListingHandler listings;

    public Dispatcher(RegistryStorage storage, ApiPolicy policy, Authorizer authorizer, TokenEndpoint tokens,
                      Metrics metrics, AccessLog accessLog) {
        this.policy = policy;
        this.authorizer = authorizer;
        this.tokens = tokens;
        this.metrics = metrics;
        this.accessLog = accessLog;
        this.blobs = new BlobHandler(storage, policy);
        this.uploads = new UploadHandler(storage, policy, authorizer);
        this.manifests = new ManifestHandler(storage, policy);
        this.listings = new ListingHandler(storage);
    }

    @Override
    public void serve(Exchange exchange) {
        try {
            route(exchange, Route.of(exchange.path()));
        } catch (RegistryException e) {
            reply(exchange, e);
        } catch (ClientGoneException e) {
            LOG.log(System.Logger.Level.DEBUG, exchange.method() + " " + exchange.path() + ": " + e.getMessage());
        } catch (IOException e) {
            if (!exchange.responded()) {
                LOG.log(System.Logger.Level.WARNING, exchange.method() + " " + exchange.path() + ": " + e, e);
                reply(exchange, new RegistryException(ErrorCode.UNKNOWN, "storage error: " + e.getMessage()));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, exchange.method() + " " + exchange.path() + " failed", e);
            reply(exchange, new RegistryException(ErrorCode.UNKNOWN, "internal error"));
        } finally {
            metrics.record(exchange);
            accessLog.record(exchange);
        }
    }

    private void route(Exchange exchange, Route route) throws IOException {
        String method = exchange.method();
        switch (route.endpoint()) {
            case TOKEN -> tokens.issue(exchange);
            case HEALTH -> exchange.respond(200, Exchange.headers().set("Content-Type", "application/json"),
                    "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8));
            case METRICS -> exchange.respond(200, Exchange.headers().set("Content-Type", "text/plain; version=0.0.4"),
                    metrics.exposition());
            default -> {
                exchange.user(authorizer.authorize(exchange, needed(route, method)));
                if (policy.readOnly() && !method.equals("GET") && !method.equals("HEAD")) {
                    throw new RegistryException(ErrorCode.UNSUPPORTED, "the registry is in read-only mode");
                }
                serveApi(exchange, route, method);
            }
        }
    }

    private void serveApi(Exchange exchange, Route route, String method) throws IOException {
        switch (route.endpoint()) {
            case BASE -> exchange.respond(200, Exchange.headers().set("Content-Type", "application/json"),
                    "{}".getBytes(StandardCharsets.UTF_8));
            case CATALOG -> onlyRead(method, () -> listings.catalog(exchange));
            case TAGS -> onlyRead(method, () -> listings.tags(exchange, route));
            case REFERRERS -> onlyRead(method, () -> listings.referrers(exchange, route));
            case BLOB -> {
                switch (method) {
                    case "GET", "HEAD" -> blobs.get(exchange, route);
                    case "DELETE" -> blobs.delete(exchange, route);
                    default -> throw unsupported(method);
                }
            }
            case UPLOADS -> {
                if (!method.equals("POST")) {
                    throw unsupported(method);
                }
                uploads.start(exchange, route);
            }
            case UPLOAD -> {
                switch (method) {
                    case "GET" -> uploads.status(exchange, route);
                    case "PATCH" -> uploads.patch(exchange, route);
                    case "PUT" -> uploads.put(exchange, route);
                    case "DELETE" -> uploads.cancel(exchange, route);
                    default -> throw unsupported(method);
                }
            }
            case MANIFEST -> {
                switch (method) {
                    case "GET", "HEAD" -> manifests.get(exchange, route);
                    case "PUT" -> manifests.put(exchange, route);
                    case "DELETE" -> manifests.delete(exchange, route);
                    default -> throw unsupported(method);
                }
            }
            default -> throw new IllegalStateException("not an API route: " + route);
        }
    }

    /** What the request needs, in the token spec's terms. */
    private static List<Access> needed(Route route, String method) {
        if (route.endpoint() == Route.Endpoint.BASE) {
            return List.of();
        }
        if (route.endpoint() == Route.Endpoint.CATALOG) {
            return List.of(Access.catalog());
        }
        String action = switch (method) {
            case "GET", "HEAD" -> Access.PULL;
            case "DELETE" -> Access.DELETE;
            default -> Access.PUSH;
        };
        return List.of(Access.repository(route.repository().value(), action));
    }

    private static void onlyRead(String method, IoAction action) throws IOException {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw unsupported(method);
        }
        action.run();
    }

    private static RegistryException unsupported(String method) {
        return new RegistryException(ErrorCode.UNSUPPORTED, "method " + method + " not allowed here");
    }

    private static void reply(Exchange exchange, RegistryException e) {
        if (exchange.responded()) {
            return;
        }
        try {
            ErrorReplies.send(exchange, e);
        } catch (IOException gone) {
            // the client went away; nothing to tell it
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
