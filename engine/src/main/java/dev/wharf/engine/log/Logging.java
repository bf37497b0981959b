package dev.wharf.engine.log;

import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Routes the daemon's System.Logger output (JUL underneath) to stderr in dockerd's format. */
public final class Logging {
    private Logging() {}

    /** @param level debug, info, warn, error or fatal, as dockerd's --log-level */
    public static void install(String level) {
        Level julLevel = parse(level);
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        ConsoleHandler stderr = new ConsoleHandler();
        stderr.setFormatter(new LogfmtFormatter());
        stderr.setLevel(Level.ALL);
        root.addHandler(stderr);
        // Debug output of the JDK and Netty is about their internals; only ours follows --log-level down.
        root.setLevel(julLevel.intValue() < Level.INFO.intValue() ? Level.INFO : julLevel);
        Logger.getLogger("dev.wharf").setLevel(julLevel);
    }

    static Level parse(String level) {
        return switch (level.toLowerCase(Locale.ROOT)) {
            case "trace" -> Level.FINEST;
            case "debug" -> Level.FINE;
            case "info" -> Level.INFO;
            case "warn", "warning" -> Level.WARNING;
            case "error", "fatal", "panic" -> Level.SEVERE;
            default -> throw new IllegalArgumentException("unknown log level " + level
                    + " (use debug, info, warn, error or fatal)");
        };
    }
}
