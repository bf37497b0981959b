package dev.wharf.build.expand;

import java.util.ArrayList;
import java.util.List;

/**
 * Docker's word processing for Dockerfile arguments (moby's {@code shell.Lex}): quotes removed, the
 * escape character honoured, and {@code $var}, {@code ${var}}, {@code ${var:-w}}, {@code ${var:+w}},
 * {@code ${var-w}}, {@code ${var+w}}, {@code ${var:?w}}, {@code ${var#p}}, {@code ${var##p}},
 * {@code ${var%p}}, {@code ${var%%p}}, {@code ${var/p/r}} expanded. Single quotes are literal.
 */
public final class ShellLexer {
    private static final int EOF = -1;

    private final char escape;

    public ShellLexer(char escape) {
        this.escape = escape;
    }

    /** One word: expanded, quotes removed, nothing split. */
    public String processWord(String word, Variables vars) throws ExpansionException {
        Scan scan = new Scan(word, vars, false);
        return String.join("", scan.run(""));
    }

    /** Several words: split at unquoted white space, also inside expanded values (EXPOSE, VOLUME, ONBUILD). */
    public List<String> processWords(String text, Variables vars) throws ExpansionException {
        Scan scan = new Scan(text, vars, true);
        return scan.run("");
    }

    private final class Scan {
        private final String text;
        private final Variables vars;
        private final boolean split;
        private int pos;

        Scan(String text, Variables vars, boolean split) {
            this.text = text;
            this.vars = vars;
            this.split = split;
        }

        private int peek() {
            return pos < text.length() ? text.charAt(pos) : EOF;
        }

        private int next() {
            return pos < text.length() ? text.charAt(pos++) : EOF;
        }

        /** Scans until one of {@code stops} (unquoted) or the end; returns the words. */
        List<String> run(String stops) throws ExpansionException {
            Words words = new Words();
            while (peek() != EOF) {
                int ch = peek();
                if (stops.indexOf(ch) >= 0) {
                    break;
                }
                if (ch == '\'') {
                    words.addRaw(singleQuoted());
                } else if (ch == '"') {
                    words.addRaw(doubleQuoted());
                } else if (ch == '$') {
                    String value = dollar();
                    if (split) {
                        words.addSplitting(value);
                    } else {
                        words.addRaw(value);
                    }
                } else {
                    next();
                    if (ch == escape) {
                        int escaped = next();
                        if (escaped == EOF) {
                            break; // a lone escape at the end is dropped, as in Docker
                        }
                        words.addRaw(String.valueOf((char) escaped));
                    } else if (split && Character.isWhitespace(ch)) {
                        words.breakWord();
                    } else {
                        words.addRaw(String.valueOf((char) ch));
                    }
                }
            }
            return words.finish();
        }

        private String singleQuoted() throws ExpansionException {
            next();
            StringBuilder out = new StringBuilder();
            while (true) {
                int ch = next();
                if (ch == EOF) {
                    throw new ExpansionException("unexpected end of statement while looking for matching single-quote");
                }
                if (ch == '\'') {
                    return out.toString();
                }
                out.append((char) ch);
            }
        }

        private String doubleQuoted() throws ExpansionException {
            next();
            StringBuilder out = new StringBuilder();
            while (true) {
                int ch = peek();
                if (ch == EOF) {
                    throw new ExpansionException("unexpected end of statement while looking for matching double-quote");
                }
                if (ch == '"') {
                    next();
                    return out.toString();
                }
                if (ch == '$') {
                    out.append(dollar());
                    continue;
                }
                next();
                if (ch == escape) {
                    int following = peek();
                    if (following == EOF) {
                        continue;
                    }
                    if (following == '"' || following == '$' || following == escape) {
                        ch = next();
                    }
                }
                out.append((char) ch);
            }
        }

        private String dollar() throws ExpansionException {
            next();
            int ch = peek();
            if (ch == '{') {
                next();
                return braced();
            }
            String name = name();
            if (name.isEmpty()) {
                return "$";
            }
            String value = vars.get(name);
            return value == null ? "" : value;
        }

        private String name() {
            int start = pos;
            if (peek() != EOF && Character.isDigit(peek())) {
                next();
                return text.substring(start, pos);
            }
            while (peek() != EOF && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
                next();
            }
            return text.substring(start, pos);
        }

        private String braced() throws ExpansionException {
            String name = name();
            if (name.isEmpty()) {
                throw new ExpansionException("bad substitution");
            }
            String value = vars.get(name);
            int ch = next();
            switch (ch) {
                case '}' -> {
                    return value == null ? "" : value;
                }
                case ':' -> {
                    int modifier = next();
                    String word = word();
                    boolean unsetOrEmpty = value == null || value.isEmpty();
                    return switch (modifier) {
                        case '-' -> unsetOrEmpty ? word : value;
                        case '+' -> unsetOrEmpty ? "" : word;
                        case '?' -> {
                            if (unsetOrEmpty) {
                                throw new ExpansionException(name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word));
                            }
                            yield value;
                        }
                        default -> throw new ExpansionException("unsupported modifier (" + (char) modifier + ") in substitution");
                    };
                }
                case '-' -> {
                    String word = word();
                    return value == null ? word : value;
                }
                case '+' -> {
                    String word = word();
                    return value == null ? "" : word;
                }
                case '?' -> {
                    String word = word();
                    if (value == null) {
                        throw new ExpansionException(name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word));
                    }
                    return value;
                }
                case '#', '%' -> {
                    boolean longest = peek() == ch;
                    if (longest) {
                        next();
                    }
                    String pattern = word();
                    String v = value == null ? "" : value;
                    return ch == '#' ? ShellPattern.removePrefix(v, pattern, longest)
                            : ShellPattern.removeSuffix(v, pattern, longest);
                }
                case '/' -> {
                    boolean all = peek() == '/';
                    if (all) {
                        next();
                    }
                    String pattern = String.join("", new Scan(text, vars, false).sub(this, "/}"));
                    String replacement = peek() == '/' ? skipSlashThenWord() : wordAfterPattern();
                    return ShellPattern.replace(value == null ? "" : value, pattern, replacement, all);
                }
                case EOF -> throw new ExpansionException("syntax error: missing '}'");
                default -> throw new ExpansionException("unsupported modifier (" + (char) ch + ") in substitution");
            }
        }

        private String skipSlashThenWord() throws ExpansionException {
            next();
            return word();
        }

        private String wordAfterPattern() throws ExpansionException {
            if (next() != '}') {
                throw new ExpansionException("syntax error: missing '}'");
            }
            return "";
        }

        /** Scans a nested word up to {@code stop} on this scanner's text, advancing the outer position. */
        private List<String> sub(Scan outer, String stops) throws ExpansionException {
            pos = outer.pos;
            List<String> words = run(stops);
            outer.pos = pos;
            return words;
        }

        /** The word of a modifier, up to the closing brace (which is consumed). */
        private String word() throws ExpansionException {
            Scan inner = new Scan(text, vars, false);
            String word = String.join("", inner.sub(this, "}"));
            if (next() != '}') {
                throw new ExpansionException("syntax error: missing '}'");
            }
            return word;
        }
    }

    /** Words being assembled; quoted or escaped text never splits a word. */
    private static final class Words {
        private final List<String> words = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private boolean inWord;

        void addRaw(String s) {
            current.append(s);
            inWord = true;
        }

        void addSplitting(String s) {
            for (char c : s.toCharArray()) {
                if (Character.isWhitespace(c)) {
                    breakWord();
                } else {
                    current.append(c);
                    inWord = true;
                }
            }
        }

        void breakWord() {
            if (inWord) {
                words.add(current.toString());
                current.setLength(0);
                inWord = false;
            }
        }

        List<String> finish() {
            breakWord();
            return words;
        }
    }
}
