package dev.wharf.image.remote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code WWW-Authenticate} challenge (RFC 7235): {@code Bearer realm="…",service="…",scope="…"}
 * or {@code Basic realm="…"}. The scheme is lowercased; parameter values are unquoted.
 */
public record Challenge(String scheme, Map<String, String> params) {

    public static List<Challenge> parseAll(List<String> headers) {
        List<Challenge> result = new ArrayList<>();
        for (String header : headers) {
            Challenge challenge = parse(header);
            if (challenge != null) {
                result.add(challenge);
            }
        }
        return result;
    }

    /** Parses a header value; null when it has no scheme. */
    public static Challenge parse(String header) {
        String text = header.strip();
        int space = text.indexOf(' ');
        String scheme = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        if (scheme.isEmpty()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        int i = space < 0 ? text.length() : space + 1;
        while (i < text.length()) {
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = text.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            StringBuilder value = new StringBuilder();
            int j = eq + 1;
            if (j < text.length() && text.charAt(j) == '"') {
                j++;
                while (j < text.length() && text.charAt(j) != '"') {
                    if (text.charAt(j) == '\\' && j + 1 < text.length()) {
                        j++;
                    }
                    value.append(text.charAt(j++));
                }
                j++; // the closing quote
            } else {
                while (j < text.length() && text.charAt(j) != ',') {
                    value.append(text.charAt(j++));
                }
            }
            params.put(key, value.toString().strip());
            int comma = text.indexOf(',', j);
            i = comma < 0 ? text.length() : comma + 1;
        }
        return new Challenge(scheme, Map.copyOf(params));
    }

    public String param(String name) {
        return params.get(name);
    }
}
