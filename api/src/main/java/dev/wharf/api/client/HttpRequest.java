package dev.wharf.api.client;

import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP/1.1 request; {@code target} is the path plus the encoded query. */
public record HttpRequest(String method, String target, Map<String, String> headers, RequestBody body) {

    public HttpRequest {
        headers = Map.copyOf(headers);
    }

    public static HttpRequest of(String method, String target) {
        return new HttpRequest(method, target, Map.of(), RequestBody.EMPTY);
    }

    public HttpRequest withBody(RequestBody newBody) {
        return new HttpRequest(method, target, headers, newBody);
    }

    public HttpRequest withTarget(String newTarget) {
        return new HttpRequest(method, newTarget, headers, body);
    }

    public HttpRequest withHeader(String name, String value) {
        var copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpRequest(method, target, copy, body);
    }
}
