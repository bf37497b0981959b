package dev.wharf.build.exec;

import dev.wharf.build.BuildException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's time.ParseDuration, for HEALTHCHECK's {@code --interval=30s}: to nanoseconds, and back as Go prints it. */
final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    private GoDuration() {}

    static long parse(String flag, String text) throws BuildException {
        if (text.equals("0")) {
            return 0;
        }
        Matcher m = PART.matcher(text);
        int pos = 0;
        double total = 0;
        while (pos < text.length() && m.find(pos) && m.start() == pos) {
            double n = Double.parseDouble(m.group(1));
            total += n * switch (m.group(2)) {
                case "ns" -> 1;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            pos = m.end();
        }
        if (pos != text.length() || text.isEmpty()) {
            throw new BuildException("invalid argument \"" + text + "\" for \"--" + flag + "\" flag: time: invalid duration \"" + text + "\"");
        }
        return (long) total;
    }

    /** Go's Duration.String for whole-second values and below ({@code 1m30s}, {@code 0s}, {@code 500ms}). */
    static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        if (nanos < 1_000_000_000L) {
            return nanos % 1_000_000 == 0 ? nanos / 1_000_000 + "ms" : nanos + "ns";
        }
        long seconds = nanos / 1_000_000_000L;
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        StringBuilder out = new StringBuilder();
        if (h > 0) {
            out.append(h).append('h');
        }
        if (h > 0 || m > 0) {
            out.append(m).append('m');
        }
        return out.append(s).append('s').toString();
    }
}
