package dev.wharf.registry.ops;

import dev.wharf.registry.http.Exchange;
import java.io.PrintStream;
import java.time.Instant;

/** One line per request, in the Common Log Format plus the duration, to stdout (or nowhere). */
public final class AccessLog {
    private final PrintStream out;

    public AccessLog(PrintStream out) {
        this.out = out;
    }

    public void record(Exchange exchange) {
        if (out == null) {
            return;
        }
        out.printf("%s - %s [%s] \"%s %s HTTP/1.1\" %d %d %.3fms%n", exchange.remoteAddress(), exchange.user(),
                Instant.now(), exchange.method(), exchange.rawUri(), exchange.status(), exchange.bytesSent(),
                exchange.elapsedNanos() / 1e6);
    }
}
