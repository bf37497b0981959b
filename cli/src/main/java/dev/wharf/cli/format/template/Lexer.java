package dev.wharf.cli.format.template;

import java.util.ArrayList;
import java.util.List;

/** Splits a template into text and actions (trim markers and comments applied), and actions into tokens. */
final class Lexer {
    enum Kind { FIELD, VARIABLE, IDENT, STRING, NUMBER, LPAREN, RPAREN, PIPE, DECLARE, ASSIGN, COMMA }

    /** {@code adjacent}: no space before it (so {@code (x).Field} chains). */
    record Token(Kind kind, String text, boolean adjacent) {}

    /** A piece of template source: text, or the inside of one {@code {{…}}}. */
    record Segment(boolean action, String text, int line) {}

    private Lexer() {}

    static List<Segment> segments(String template) {
        List<Segment> segments = new ArrayList<>();
        int pos = 0;
        int line = 1;
        boolean trimNextText = false;
        while (pos < template.length()) {
            int open = template.indexOf("{{", pos);
            String text = open < 0 ? template.substring(pos) : template.substring(pos, open);
            if (trimNextText) {
                text = text.stripLeading();
            }
            if (open < 0) {
                add(segments, new Segment(false, text, line));
                break;
            }
            int start = open + 2;
            if (template.startsWith("- ", start) || template.startsWith("-\t", start) || template.startsWith("-\n", start)) {
                text = text.stripTrailing();
                start += 1;
            }
            add(segments, new Segment(false, text, line));
            line += count(template.substring(pos, start), '\n');
            int close = findClose(template, start, line);
            int end = close;
            trimNextText = close - 1 >= start && template.charAt(close - 1) == '-'
                    && close - 2 >= start && Character.isWhitespace(template.charAt(close - 2));
            if (trimNextText) {
                end = close - 1;
            }
            String action = template.substring(start, end).strip();
            if (!(action.startsWith("/*") && action.endsWith("*/"))) {
                segments.add(new Segment(true, action, line));
            }
            line += count(template.substring(start, close + 2), '\n');
            pos = close + 2;
        }
        return segments;
    }

    static List<Token> tokens(String action, int line) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < action.length()) {
            char c = action.charAt(i);
            boolean adjacent = i > 0 && !Character.isWhitespace(action.charAt(i - 1));
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '`') {
                int end = stringEnd(action, i, line);
                tokens.add(new Token(Kind.STRING, unquote(action.substring(i, end), line), adjacent));
                i = end;
            } else if (c == '.' && (i + 1 >= action.length() || !Character.isDigit(action.charAt(i + 1)))) {
                int end = nameEnd(action, i);
                tokens.add(new Token(Kind.FIELD, action.substring(i, end), adjacent));
                i = end;
            } else if (c == '$') {
                int end = nameEnd(action, i + 1);
                tokens.add(new Token(Kind.VARIABLE, action.substring(i, end), adjacent));
                i = end;
            } else if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && i + 1 < action.length()
                    && Character.isDigit(action.charAt(i + 1)))) {
                int end = i + 1;
                while (end < action.length() && (Character.isLetterOrDigit(action.charAt(end)) || action.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new Token(Kind.NUMBER, action.substring(i, end), adjacent));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < action.length() && (Character.isLetterOrDigit(action.charAt(end)) || action.charAt(end) == '_')) {
                    end++;
                }
                tokens.add(new Token(Kind.IDENT, action.substring(i, end), adjacent));
                i = end;
            } else if (action.startsWith(":=", i)) {
                tokens.add(new Token(Kind.DECLARE, ":=", adjacent));
                i += 2;
            } else {
                Kind kind = switch (c) {
                    case '(' -> Kind.LPAREN;
                    case ')' -> Kind.RPAREN;
                    case '|' -> Kind.PIPE;
                    case '=' -> Kind.ASSIGN;
                    case ',' -> Kind.COMMA;
                    default -> throw new TemplateException("template: :" + line + ": unexpected \"" + c + "\" in command");
                };
                tokens.add(new Token(kind, String.valueOf(c), adjacent));
                i++;
            }
        }
        return tokens;
    }

    private static void add(List<Segment> segments, Segment text) {
        if (!text.text().isEmpty()) {
            segments.add(text);
        }
    }

    private static int findClose(String template, int from, int line) {
        int i = from;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '"' || c == '`') {
                i = stringEnd(template, i, line);
            } else if (template.startsWith("}}", i)) {
                return i;
            } else {
                i++;
            }
        }
        throw new TemplateException("template: :" + line + ": unclosed action");
    }

    private static int stringEnd(String text, int start, int line) {
        char quote = text.charAt(start);
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        throw new TemplateException("template: :" + line + ": unterminated quoted string");
    }

    /** The end of {@code .A.B_c} (or of a variable name after {@code $}). */
    private static int nameEnd(String text, int start) {
        int i = start;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                || text.charAt(i) == '.')) {
            i++;
        }
        return i;
    }

    /** Go's string literals: raw between backquotes, else the usual escapes. */
    private static String unquote(String literal, int line) {
        if (literal.startsWith("`")) {
            return literal.substring(1, literal.length() - 1);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = literal.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '\\', '"', '\'' -> out.append(e);
                case 'x' -> {
                    out.append((char) Integer.parseInt(literal.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'u' -> {
                    out.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new TemplateException("template: :" + line + ": invalid syntax in " + literal);
            }
        }
        return out.toString();
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(ch -> ch == c).count();
    }
}
