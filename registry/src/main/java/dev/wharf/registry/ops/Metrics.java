package dev.wharf.registry.ops;

import dev.wharf.registry.http.Exchange;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Request counters by method and status, bytes in and out, and time spent: Prometheus's text format. */
public final class Metrics {
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final LongAdder received = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder nanos = new LongAdder();

    public void record(Exchange exchange) {
        String key = "method=\"" + exchange.method() + "\",code=\"" + exchange.status() + "\"";
        requests.computeIfAbsent(key, unused -> new LongAdder()).increment();
        received.add(exchange.bytesReceived());
        sent.add(exchange.bytesSent());
        nanos.add(exchange.elapsedNanos());
    }

    public byte[] exposition() {
        StringBuilder out = new StringBuilder();
        out.append("# HELP wharf_registry_http_requests_total HTTP requests served, by method and status code.\n")
                .append("# TYPE wharf_registry_http_requests_total counter\n");
        new TreeMap<>(requests).forEach((labels, count) ->
                out.append("wharf_registry_http_requests_total{").append(labels).append("} ").append(count.sum()).append('\n'));
        counter(out, "wharf_registry_http_request_bytes_total", "Request body bytes received.", received.sum());
        counter(out, "wharf_registry_http_response_bytes_total", "Response body bytes sent.", sent.sum());
        counter(out, "wharf_registry_http_request_duration_seconds_total", "Time spent serving requests.",
                nanos.sum() / 1e9);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void counter(StringBuilder out, String name, String help, Number value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" counter\n")
                .append(name).append(' ').append(value).append('\n');
    }
}
