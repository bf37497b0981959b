package dev.wharf.registry.api;

import dev.wharf.image.Json;
import dev.wharf.registry.errors.ErrorCode;
import dev.wharf.registry.errors.RegistryException;
import dev.wharf.registry.http.Exchange;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The spec's error body, {@code {"errors":[{"code","message","detail"}]}}, with the code's status. */
final class ErrorReplies {
    private ErrorReplies() {}

    static void send(Exchange exchange, RegistryException error) throws IOException {
        ErrorCode code = error.code();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("code", code.wireCode());
        entry.put("message", error.getMessage());
        entry.put("detail", error.detail() == null ? Map.of() : error.detail());
        HttpHeaders headers = Exchange.headers().set("Content-Type", "application/json; charset=utf-8");
        error.headers().forEach(headers::set);
        exchange.respond(code.status(), headers, Json.bytes(Map.of("errors", List.of(entry))));
    }
}
