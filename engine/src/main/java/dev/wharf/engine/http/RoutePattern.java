package dev.wharf.engine.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A route's path pattern: literal segments, {@code {name}} segments (one segment each) and at most one
 * greedy {@code {name:.*}} segment that takes one or more segments, so that image names with slashes
 * fit both {@code /images/{name:.*}} and {@code /images/{name:.*}/json}.
 */
record RoutePattern(String text, List<Segment> segments) {
    sealed interface Segment permits Literal, Param, Greedy {}

    record Literal(String value) implements Segment {}

    record Param(String name) implements Segment {}

    record Greedy(String name) implements Segment {}

    static RoutePattern parse(String pattern) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("route pattern must start with '/': " + pattern);
        }
        List<Segment> segments = new ArrayList<>();
        for (String part : split(pattern)) {
            if (part.startsWith("{") && part.endsWith("}")) {
                String inner = part.substring(1, part.length() - 1);
                int colon = inner.indexOf(':');
                segments.add(colon < 0 ? new Param(inner) : new Greedy(inner.substring(0, colon)));
            } else {
                segments.add(new Literal(part));
            }
        }
        if (segments.stream().filter(Greedy.class::isInstance).count() > 1) {
            throw new IllegalArgumentException("at most one greedy segment per route: " + pattern);
        }
        return new RoutePattern(pattern, List.copyOf(segments));
    }

    /** The parameters when the (decoded) path matches, else null. */
    Map<String, String> match(String path) {
        String[] parts = split(path);
        Map<String, String> params = new HashMap<>();
        return matchFrom(0, parts, 0, params) ? params : null;
    }

    /** How many literal segments the pattern has: the more specific route wins when several match. */
    int literalCount() {
        return (int) segments.stream().filter(Literal.class::isInstance).count();
    }

    private boolean matchFrom(int segmentIndex, String[] parts, int partIndex, Map<String, String> params) {
        if (segmentIndex == segments.size()) {
            return partIndex == parts.length;
        }
        if (partIndex >= parts.length) {
            return false;
        }
        return switch (segments.get(segmentIndex)) {
            case Literal(String value) ->
                    value.equals(parts[partIndex]) && matchFrom(segmentIndex + 1, parts, partIndex + 1, params);
            case Param(String name) -> {
                if (parts[partIndex].isEmpty()) {
                    yield false;
                }
                params.put(name, parts[partIndex]);
                yield matchFrom(segmentIndex + 1, parts, partIndex + 1, params);
            }
            case Greedy(String name) -> {
                int fixedAfter = segments.size() - segmentIndex - 1;
                for (int end = parts.length - fixedAfter; end > partIndex; end--) {
                    if (matchFrom(segmentIndex + 1, parts, end, params)) {
                        params.put(name, String.join("/", java.util.Arrays.copyOfRange(parts, partIndex, end)));
                        yield true;
                    }
                }
                yield false;
            }
        };
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
