package dev.wharf.build.dockerfile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Dockerfile as Docker's parser does: parser directives at the top ({@code syntax},
 * {@code escape}, {@code check}), comment lines dropped (also inside continuations), continuation
 * lines joined (empty ones skipped), here-documents read after RUN, COPY and ADD lines.
 */
public final class DockerfileParser {
    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
    private static final Set<String> KNOWN_DIRECTIVES = Set.of("syntax", "escape", "check");
    private static final Pattern HEREDOC = Pattern.compile("(?<![<\\w])\\d*<<(-?)([\"']?)([A-Za-z0-9_.\\-]+)\\2");
    private static final Set<String> HEREDOC_INSTRUCTIONS = Set.of("RUN", "COPY", "ADD");

    private DockerfileParser() {}

    public static Dockerfile parse(String content) throws DockerfileSyntaxException {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        List<String> lines = text.lines().toList();
        int[] pos = {0};
        char escape = directives(lines, pos);
        List<LogicalLine> logical = logicalLines(lines, pos[0], escape);
        return new InstructionParser(escape).assemble(logical);
    }

    private static char escape(String value) throws DockerfileSyntaxException {
        if (!value.equals("`") && !value.equals("\\")) {
            throw new DockerfileSyntaxException(0, "invalid escape token '" + value + "' does not match ` or \\");
        }
        return value.charAt(0);
    }

    /** Reads the directives, returns the escape character; {@code pos} ends at the first line that is not one. */
    private static char directives(List<String> lines, int[] pos) throws DockerfileSyntaxException {
        char escape = '\\';
        Set<String> seen = new HashSet<>();
        while (pos[0] < lines.size()) {
            Matcher m = DIRECTIVE.matcher(lines.get(pos[0]));
            if (!m.matches()) {
                break;
            }
            String name = m.group(1).toLowerCase(Locale.ROOT);
            if (KNOWN_DIRECTIVES.contains(name)) {
                if (!seen.add(name)) {
                    throw new DockerfileSyntaxException(0, "only one " + name + " parser directive can be used");
                }
                if (name.equals("escape")) {
                    escape = escape(m.group(2));
                }
            }
            pos[0]++;
        }
        return escape;
    }

    private static List<LogicalLine> logicalLines(List<String> lines, int from, char escape)
            throws DockerfileSyntaxException {
        Pattern continuation = Pattern.compile(Pattern.quote(String.valueOf(escape)) + "[ \\t]*$");
        List<LogicalLine> result = new ArrayList<>();
        int i = from;
        while (i < lines.size()) {
            String first = lines.get(i).stripLeading();
            int start = ++i;
            if (isComment(first)) {
                continue;
            }
            StringBuilder line = new StringBuilder();
            Matcher m = continuation.matcher(first);
            boolean end = !m.find();
            line.append(end ? first : first.substring(0, m.start()));
            while (!end && i < lines.size()) {
                String next = lines.get(i++);
                if (isComment(next)) {
                    continue;
                }
                if (next.isBlank()) {
                    continue; // an empty continuation line: Docker warns, and goes on
                }
                Matcher nm = continuation.matcher(next);
                end = !nm.find();
                line.append(end ? next : next.substring(0, nm.start()));
            }
            String joined = line.toString();
            if (joined.isBlank()) {
                continue;
            }
            List<Heredoc> heredocs = new ArrayList<>();
            String keyword = joined.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
            if (HEREDOC_INSTRUCTIONS.contains(keyword) && joined.contains("<<")) {
                Matcher h = HEREDOC.matcher(joined);
                while (h.find()) {
                    boolean chomp = !h.group(1).isEmpty();
                    String name = h.group(3);
                    StringBuilder body = new StringBuilder();
                    boolean closed = false;
                    while (i < lines.size()) {
                        String bodyLine = lines.get(i++);
                        String candidate = chomp ? bodyLine.replaceFirst("^\\t+", "") : bodyLine;
                        if (candidate.equals(name)) {
                            closed = true;
                            break;
                        }
                        body.append(candidate).append('\n');
                    }
                    if (!closed) {
                        throw new DockerfileSyntaxException(start, "unterminated heredoc " + name);
                    }
                    heredocs.add(new Heredoc(name, body.toString(), h.group(2).isEmpty()));
                }
            }
            result.add(new LogicalLine(start, joined.strip(), List.copyOf(heredocs)));
        }
        return result;
    }

    private static boolean isComment(String line) {
        return line.stripLeading().startsWith("#");
    }
}
