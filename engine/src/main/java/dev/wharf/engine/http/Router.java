package dev.wharf.engine.http;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The route table: finds the handler for a method and an unversioned path. */
public final class Router implements Routes {
    private record Route(String method, RoutePattern pattern, Handler handler) {}

    /** A matched route and the path parameters it extracted. */
    record Match(String pattern, Handler handler, Map<String, String> params) {}

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    @Override
    public void add(String method, String pattern, Handler handler) {
        routes.add(new Route(method.toUpperCase(java.util.Locale.ROOT), RoutePattern.parse(pattern), handler));
    }

    /**
     * The most specific route for the request, or null. Docker answers a known path with a wrong method
     * like an unknown path (404 "page not found"), so the method is part of the match.
     */
    Match match(String method, String path) {
        Match best = null;
        int bestLiterals = -1;
        for (Route route : routes) {
            if (!route.method.equals(method)) {
                continue;
            }
            Map<String, String> params = route.pattern.match(path);
            if (params != null && route.pattern.literalCount() > bestLiterals) {
                best = new Match(route.pattern.text(), route.handler, Map.copyOf(params));
                bestLiterals = route.pattern.literalCount();
            }
        }
        return best;
    }
}
