package dev.wharf.engine.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/** dockerd's log line: {@code time="2026-12-01T07:09:57.123456789Z" level=info msg="…"}, stack traces below. */
final class LogfmtFormatter extends Formatter {
    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160)
                .append("time=\"").append(record.getInstant())
                .append("\" level=").append(levelName(record.getLevel()))
                .append(" msg=\"").append(escape(formatMessage(record))).append('"');
        if (record.getThrown() != null && record.getLevel().intValue() >= Level.SEVERE.intValue()) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace.toString().stripTrailing());
        } else if (record.getThrown() != null) {
            line.append(" error=\"").append(escape(String.valueOf(record.getThrown()))).append('"');
        }
        return line.append('\n').toString();
    }

    static String levelName(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "error";
        }
        if (value >= Level.WARNING.intValue()) {
            return "warning";
        }
        if (value >= Level.INFO.intValue()) {
            return "info";
        }
        if (value >= Level.FINE.intValue()) {
            return "debug";
        }
        return "trace";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
