package dev.wharf.build.exec;

import java.util.List;
import java.util.stream.Collectors;

/** The Go formatting verbs dockerd uses in history comments ({@code %q} and {@code %v} of string slices). */
final class GoFormat {
    private GoFormat() {}

    /** {@code fmt.Sprintf("%q", []string{…})}: {@code ["a" "b"]}. */
    static String quoted(List<String> values) {
        return values.stream().map(GoFormat::quote).collect(Collectors.joining(" ", "[", "]"));
    }

    /** {@code fmt.Sprintf("%v", []string{…})}: {@code [a b]}. */
    static String plain(List<String> values) {
        return values.stream().collect(Collectors.joining(" ", "[", "]"));
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
