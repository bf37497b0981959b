package dev.wharf.runtime.log;

import dev.wharf.runtime.AttachConnection.Stream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns complete k8s-file lines ({@code <ts> <stdout|stderr> <P|F> <data>}) into records: partial
 * chunks (P) are held per stream until the F that ends their line. Malformed lines are skipped.
 */
final class K8sLineParser {
    private record Pending(Instant time, ByteArrayOutputStream data) {}

    private final Map<Stream, Pending> pending = new EnumMap<>(Stream.class);
    private final Consumer<LogRecord> sink;

    K8sLineParser(Consumer<LogRecord> sink) {
        this.sink = sink;
    }

    /** One line without its terminating newline. */
    void line(byte[] bytes, int from, int to) {
        int tsEnd = indexOf(bytes, from, to);
        int streamEnd = tsEnd < 0 ? -1 : indexOf(bytes, tsEnd + 1, to);
        int tagEnd = streamEnd < 0 ? -1 : indexOf(bytes, streamEnd + 1, to);
        if (tagEnd < 0) {
            return;
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(ascii(bytes, from, tsEnd)).toInstant();
        } catch (DateTimeParseException e) {
            return;
        }
        Stream stream = switch (ascii(bytes, tsEnd + 1, streamEnd)) {
            case "stdout" -> Stream.STDOUT;
            case "stderr" -> Stream.STDERR;
            default -> null;
        };
        if (stream == null) {
            return;
        }
        boolean partial = ascii(bytes, streamEnd + 1, tagEnd).equals("P");
        Pending chunk = pending.computeIfAbsent(stream, s -> new Pending(time, new ByteArrayOutputStream()));
        chunk.data().write(bytes, tagEnd + 1, to - tagEnd - 1);
        if (!partial) {
            chunk.data().write('\n');
            pending.remove(stream);
            sink.accept(new LogRecord(chunk.time(), stream, chunk.data().toByteArray()));
        }
    }

    /** Emits partial lines still waiting for their end: the output is over. */
    void flush() {
        pending.forEach((stream, chunk) -> sink.accept(new LogRecord(chunk.time(), stream, chunk.data().toByteArray())));
        pending.clear();
    }

    private static int indexOf(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == ' ') {
                return i;
            }
        }
        return -1;
    }

    private static String ascii(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.US_ASCII);
    }
}
