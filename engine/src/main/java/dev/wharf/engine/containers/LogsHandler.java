package dev.wharf.engine.containers;

import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.http.Exchange;
import dev.wharf.engine.http.Handler;
import dev.wharf.runtime.log.K8sFileLog;
import dev.wharf.runtime.log.LogRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /containers/{id}/logs}: conmon's k8s-file log as frames (no Content-Type, like dockerd)
 * or raw with a TTY; {@code tail}, {@code since}, {@code until}, {@code timestamps}, and {@code follow}
 * while the container runs and the client stays.
 */
final class LogsHandler implements Handler {
    private final ContainerService service;

    LogsHandler(ContainerService service) {
        this.service = service;
    }

    @Override
    public void handle(Exchange exchange) throws Exception {
        Container container = service.get(exchange.pathParam("id"));
        boolean stdout = exchange.queryFlag("stdout", false);
        boolean stderr = exchange.queryFlag("stderr", false);
        if (!stdout && !stderr) {
            throw new InvalidArgumentException("Bad parameters: you must choose at least one stream");
        }
        int tail = parseTail(exchange.query("tail").orElse("all"));
        boolean timestamps = exchange.queryFlag("timestamps", false);
        Instant since = Timestamps.parseUnixOrRfc3339(exchange.query("since").orElse(null));
        Instant until = Timestamps.parseUnixOrRfc3339(exchange.query("until").orElse(null));
        boolean follow = exchange.queryFlag("follow", false) && container.record().state().running();
        var log = new K8sFileLog(service.logFile(container));

        try (OutputStream out = exchange.respondStream(200, null)) {
            var writer = new StreamWriter(out, container.record().config().tty(), stdout, stderr);
            var failed = new AtomicBoolean();
            var emit = new java.util.function.Consumer<LogRecord>() {
                @Override
                public void accept(LogRecord record) {
                    if (failed.get() || (since != null && record.time().isBefore(since))
                            || (until != null && record.time().isAfter(until))) {
                        return;
                    }
                    try {
                        writer.write(record.stream(), timestamps ? stamped(record) : record.data());
                    } catch (IOException e) {
                        failed.set(true); // the client went away
                    }
                }
            };
            List<LogRecord> existing = log.readAll();
            int skip = tail < 0 ? 0 : Math.max(0, existing.size() - tail);
            if (!follow) {
                existing.subList(skip, existing.size()).forEach(emit);
                return;
            }
            // follow() reads the file from its start again: skip what tail leaves out, by position.
            var position = new AtomicInteger();
            var gone = exchange.clientGone().toCompletableFuture();
            log.follow(record -> {
                if (position.getAndIncrement() >= skip) {
                    emit.accept(record);
                }
            }, () -> failed.get() || gone.isDone() || !container.record().state().running()
                    || (until != null && Instant.now().isAfter(until)));
        }
    }

    /** Docker's {@code tail}: a count, or "all" (anything unparsable or negative means all). */
    static int parseTail(String text) {
        try {
            int n = Integer.parseInt(text.trim());
            return n < 0 ? -1 : n;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static byte[] stamped(LogRecord record) {
        byte[] prefix = (Timestamps.rfc3339NanoFixed(record.time()) + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[prefix.length + record.data().length];
        System.arraycopy(prefix, 0, data, 0, prefix.length);
        System.arraycopy(record.data(), 0, data, prefix.length, record.data().length);
        return data;
    }
}
