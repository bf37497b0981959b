package dev.wharf.runtime.conmon;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts what runc meant from its logrus text output
 * ({@code time="…" level=error msg="runc create failed: …"}), so errors read like Docker's.
 */
final class RuncMessages {
    private static final Pattern ERROR_LINE = Pattern.compile("level=(?:error|fatal) msg=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private RuncMessages() {}

    /** The last error message in the output, unquoted; else the output itself, trimmed. */
    static String clean(String output) {
        String last = null;
        Matcher matcher = ERROR_LINE.matcher(output);
        while (matcher.find()) {
            last = matcher.group(1);
        }
        return last == null ? output.strip() : unquote(last);
    }

    private static String unquote(String quoted) {
        var out = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c != '\\' || i + 1 == quoted.length()) {
                out.append(c);
                continue;
            }
            char next = quoted.charAt(++i);
            out.append(switch (next) {
                case 'n' -> '\n';
                case 't' -> '\t';
                default -> next;
            });
        }
        return out.toString();
    }
}
