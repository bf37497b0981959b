package dev.wharf.api.client;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Response headers, looked up case-insensitively; repeated headers keep all values. */
public record HttpHeaders(Map<String, List<String>> values) {

    public HttpHeaders {
        var sorted = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
        sorted.putAll(values);
        values = sorted;
    }

    public Optional<String> first(String name) {
        var list = values.get(name);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.getFirst());
    }

    public boolean contains(String name, String token) {
        var list = values.get(name);
        if (list == null) {
            return false;
        }
        String wanted = token.toLowerCase(Locale.ROOT);
        return list.stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .anyMatch(v -> v.strip().toLowerCase(Locale.ROOT).equals(wanted));
    }
}
