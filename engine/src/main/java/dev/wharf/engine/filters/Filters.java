package dev.wharf.engine.filters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.engine.errors.InvalidArgumentException;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Docker's {@code filters} query parameter. The CLI sends the map form {@code {"label":{"k=v":true}}},
 * docker-java the array form {@code {"label":["k=v"]}}; both are accepted. Values of one key are
 * alternatives (OR), different keys must all match (AND), except labels, which must all match.
 */
public final class Filters {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Filters NONE = new Filters(Map.of());

    private final Map<String, Set<String>> values;

    private Filters(Map<String, Set<String>> values) {
        this.values = values;
    }

    public static Filters none() {
        return NONE;
    }

    /** Parses the parameter; absent or empty means no filter. */
    public static Filters parse(String json) {
        if (json == null || json.isBlank()) {
            return NONE;
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new InvalidArgumentException("invalid filter: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidArgumentException("invalid filter: filters must be a JSON object");
        }
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            Set<String> set = new LinkedHashSet<>();
            JsonNode node = field.getValue();
            if (node.isArray()) {
                node.forEach(v -> set.add(v.asText()));
            } else if (node.isObject()) {
                node.properties().forEach(e -> {
                    if (e.getValue().asBoolean(true)) {
                        set.add(e.getKey());
                    }
                });
            } else if (node.isTextual()) {
                set.add(node.asText());
            } else {
                throw new InvalidArgumentException("invalid filter: values of '" + field.getKey() + "' must be a list or a map");
            }
            values.put(field.getKey(), set);
        }
        return new Filters(values);
    }

    /** Rejects keys the endpoint does not know, as Docker does ({@code invalid filter 'x'}). */
    public Filters accept(Collection<String> keys) {
        for (String key : values.keySet()) {
            if (!keys.contains(key)) {
                throw new InvalidArgumentException("invalid filter '" + key + "'");
            }
        }
        return this;
    }

    public boolean has(String key) {
        return values.containsKey(key) && !values.get(key).isEmpty();
    }

    public Set<String> get(String key) {
        return values.getOrDefault(key, Set.of());
    }

    /** True when the key is absent or one of its values equals the source. */
    public boolean exactMatch(String key, String source) {
        return !has(key) || (source != null && get(key).contains(source));
    }

    /** True when the key is absent or the source starts with one of its values (IDs by prefix). */
    public boolean fuzzyMatch(String key, String source) {
        if (!has(key)) {
            return true;
        }
        return source != null && get(key).stream().anyMatch(source::startsWith);
    }

    /** Labels: every {@code k} or {@code k=v} value must be present in the attributes. */
    public boolean matchLabels(String key, Map<String, String> labels) {
        if (!has(key)) {
            return true;
        }
        Map<String, String> present = labels == null ? Map.of() : labels;
        for (String wanted : get(key)) {
            int eq = wanted.indexOf('=');
            if (eq < 0) {
                if (!present.containsKey(wanted)) {
                    return false;
                }
            } else if (!wanted.substring(eq + 1).equals(present.get(wanted.substring(0, eq)))) {
                return false;
            }
        }
        return true;
    }

    /** {@code label!}-style exclusion: whether any {@code k} or {@code k=v} value of the key is among the labels. */
    public boolean matchesAnyLabel(String key, Map<String, String> labels) {
        if (!has(key)) {
            return false;
        }
        Map<String, String> present = labels == null ? Map.of() : labels;
        return get(key).stream().anyMatch(wanted -> {
            int eq = wanted.indexOf('=');
            return eq < 0 ? present.containsKey(wanted)
                    : wanted.substring(eq + 1).equals(present.get(wanted.substring(0, eq)));
        });
    }

    /** A boolean filter such as {@code dangling}: null when absent; 400 for a value that is not a boolean. */
    public Boolean booleanValue(String key) {
        if (!has(key)) {
            return null;
        }
        Set<String> set = get(key);
        boolean any = false;
        boolean result = false;
        for (String v : set) {
            boolean parsed = switch (v.toLowerCase(java.util.Locale.ROOT)) {
                case "true", "1" -> true;
                case "false", "0" -> false;
                default -> throw new InvalidArgumentException("Invalid filter '" + key + "=" + v + "'");
            };
            if (any && parsed != result) {
                throw new InvalidArgumentException("Invalid filter '" + key + "': conflicting values");
            }
            any = true;
            result = parsed;
        }
        return result;
    }
}
