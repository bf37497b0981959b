package dev.wharf.engine.containers;

import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.http.Exchange;
import dev.wharf.engine.http.Handler;
import dev.wharf.runtime.log.K8sFileLog;
import dev.wharf.runtime.log.LogRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /containers/{id}/logs}: conmon's k8s-file log (its rotated files first) as frames (no
 * Content-Type, like dockerd) or raw with a TTY; {@code tail}, {@code since}, {@code until},
 * {@code timestamps}, {@code details}, and {@code follow} while the container runs and the client stays.
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
        LogSettings settings = LogSettings.of(container.record().hostConfig().logConfig());
        if (!settings.readable()) {
            throw new InvalidArgumentException("configured logging driver does not support reading");
        }
        byte[] details = exchange.queryFlag("details", false) ? details(container.record(), settings) : null;
        List<Path> files = LogRotation.files(service.logFile(container), settings.maxFile());
        var log = new K8sFileLog(files.getLast());

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
                        byte[] line = details == null ? record.data() : concat(details, record.data());
                        writer.write(record.stream(), timestamps ? concat(stamp(record), line) : line);
                    } catch (IOException e) {
                        failed.set(true); // the client went away
                    }
                }
            };
            List<LogRecord> rotated = new java.util.ArrayList<>();
            for (Path file : files.subList(0, files.size() - 1)) {
                rotated.addAll(new K8sFileLog(file).readAll());
            }
            List<LogRecord> existing = new java.util.ArrayList<>(rotated);
            existing.addAll(log.readAll());
            int skip = tail < 0 ? 0 : Math.max(0, existing.size() - tail);
            if (!follow) {
                existing.subList(skip, existing.size()).forEach(emit);
                return;
            }
            rotated.subList(Math.min(skip, rotated.size()), rotated.size()).forEach(emit);
            // follow() reads the live file from its start again: skip what tail leaves out, by position.
            var position = new AtomicInteger(rotated.size());
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

    private static byte[] stamp(LogRecord record) {
        return (Timestamps.rfc3339NanoFixed(record.time()) + " ").getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code --details}: the {@code --log-opt labels/env} attributes, sorted, comma-joined, then a space (even when none). */
    private static byte[] details(ContainerRecord record, LogSettings settings) {
        java.util.Map<String, String> attributes = new java.util.TreeMap<>();
        java.util.Map<String, String> labels = record.config().labels() == null ? java.util.Map.of() : record.config().labels();
        settings.labels().stream().filter(labels::containsKey).forEach(key -> attributes.put(key, labels.get(key)));
        for (String entry : record.config().env() == null ? List.<String>of() : record.config().env()) {
            String[] kv = entry.split("=", 2);
            if (kv.length == 2 && settings.env().contains(kv[0])) {
                attributes.put(kv[0], kv[1]);
            }
        }
        String text = String.join(",", attributes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        return (text + " ").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] prefix, byte[] data) {
        byte[] joined = new byte[prefix.length + data.length];
        System.arraycopy(prefix, 0, joined, 0, prefix.length);
        System.arraycopy(data, 0, joined, prefix.length, data.length);
        return joined;
    }
}
