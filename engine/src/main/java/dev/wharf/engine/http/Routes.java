package dev.wharf.engine.http;

/**
 * Where each part of the engine registers its endpoints. Patterns are paths without the version prefix,
 * with {@code {name}} segments: {@code routes.add("GET", "/containers/{id}/json", handler)}.
 * A {@code {name}} segment at the end may be marked greedy as {@code {name:.*}} (image names with slashes).
 */
public interface Routes {
    void add(String method, String pattern, Handler handler);
}
