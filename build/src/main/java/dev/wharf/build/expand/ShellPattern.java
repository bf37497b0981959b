package dev.wharf.build.expand;

import java.util.regex.Pattern;

/** A shell glob ({@code * ? [...]}) as used by {@code ${v#pattern}} and friends, turned into a regex. */
final class ShellPattern {
    private ShellPattern() {}

    static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                }
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        regex.append("\\[");
                    } else {
                        String body = glob.substring(i + 1, close);
                        if (body.startsWith("!")) {
                            body = "^" + body.substring(1);
                        }
                        regex.append('[').append(body.replace("\\", "\\\\")).append(']');
                        i = close;
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** {@code ${v#p}} (shortest) / {@code ${v##p}} (longest): the value without the matching prefix. */
    static String removePrefix(String value, String glob, boolean longest) {
        Pattern p = compile(glob);
        for (int n = 0; n <= value.length(); n++) {
            int len = longest ? value.length() - n : n;
            if (p.matcher(value.substring(0, len)).matches()) {
                return value.substring(len);
            }
        }
        return value;
    }

    /** {@code ${v%p}} (shortest) / {@code ${v%%p}} (longest): the value without the matching suffix. */
    static String removeSuffix(String value, String glob, boolean longest) {
        Pattern p = compile(glob);
        for (int n = 0; n <= value.length(); n++) {
            int start = longest ? n : value.length() - n;
            if (p.matcher(value.substring(start)).matches()) {
                return value.substring(0, start);
            }
        }
        return value;
    }

    /** {@code ${v/p/r}} (first) / {@code ${v//p/r}} (all), longest match at each position. */
    static String replace(String value, String glob, String replacement, boolean all) {
        if (glob.isEmpty()) {
            return value;
        }
        Pattern p = compile(glob);
        StringBuilder out = new StringBuilder();
        int i = 0;
        boolean replaced = false;
        while (i < value.length()) {
            int end = -1;
            if (all || !replaced) {
                for (int j = value.length(); j > i; j--) {
                    if (p.matcher(value.substring(i, j)).matches()) {
                        end = j;
                        break;
                    }
                }
            }
            if (end < 0) {
                out.append(value.charAt(i++));
            } else {
                out.append(replacement);
                i = end;
                replaced = true;
            }
        }
        return out.toString();
    }
}
