package dev.wharf.cli.format;

/** Go's strconv.Quote, which docker ps applies to COMMAND. */
public final class GoQuote {

    private GoQuote() {}

    public static String quote(String s) {
        var quoted = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        quoted.append(String.format("\\x%02x", cp));
                    } else {
                        quoted.appendCodePoint(cp);
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }

    /** docker's formatter.Ellipsis: at most {@code max} runes, the last one "…" when cut. */
    public static String ellipsis(String s, int max) {
        int length = s.codePointCount(0, s.length());
        if (length <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
