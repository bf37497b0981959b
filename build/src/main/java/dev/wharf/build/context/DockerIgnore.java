package dev.wharf.build.context;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code .dockerignore} with Docker's rules (moby's patternmatcher): one pattern per line, {@code #}
 * comments, {@code !} exceptions, the last matching pattern decides, {@code **} spans directories, and a
 * path is also excluded when one of its parent directories is.
 */
public final class DockerIgnore {
    private record Rule(Pattern pattern, boolean exception) {}

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    public static final DockerIgnore NONE = new DockerIgnore(List.of());

    public static DockerIgnore parse(String content) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : content.lines().toList()) {
            if (raw.startsWith("#")) {
                continue;
            }
            String pattern = raw.strip();
            if (pattern.isEmpty()) {
                continue;
            }
            boolean exception = pattern.startsWith("!");
            if (exception) {
                pattern = pattern.substring(1).strip();
            }
            pattern = clean(pattern);
            if (pattern.length() > 1 && pattern.startsWith("/")) {
                pattern = pattern.substring(1);
            }
            rules.add(new Rule(compile(pattern), exception));
        }
        return new DockerIgnore(List.copyOf(rules));
    }

    /** Whether the context-relative slash path is excluded. */
    public boolean excludes(String path) {
        boolean excluded = false;
        List<String> candidates = withParents(clean(path));
        for (Rule rule : rules) {
            for (String candidate : candidates) {
                if (rule.pattern().matcher(candidate).matches()) {
                    excluded = !rule.exception();
                    break;
                }
            }
        }
        return excluded;
    }

    public boolean hasExceptions() {
        return rules.stream().anyMatch(Rule::exception);
    }

    private static List<String> withParents(String path) {
        List<String> paths = new ArrayList<>();
        paths.add(path);
        int slash = path.lastIndexOf('/');
        while (slash > 0) {
            path = path.substring(0, slash);
            paths.add(path);
            slash = path.lastIndexOf('/');
        }
        return paths;
    }

    /** Go's path.Clean for relative slash paths. */
    static String clean(String path) {
        boolean absolute = path.startsWith("/");
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty() && !parts.getLast().equals("..")) {
                    parts.removeLast();
                } else if (!absolute) {
                    parts.add(part);
                }
                continue;
            }
            parts.add(part);
        }
        String joined = String.join("/", parts);
        return absolute ? "/" + joined : joined.isEmpty() ? "." : joined;
    }

    /** The pattern as a regex over the whole path, as patternmatcher compiles it. */
    static Pattern compile(String pattern) {
        StringBuilder regex = new StringBuilder("^");
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '*') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                    i += 2;
                    if (i < pattern.length() && pattern.charAt(i) == '/') {
                        i++;
                        regex.append("(.*/)?");  // "**/" matches zero or more directories
                    } else {
                        regex.append(".*");
                    }
                    continue;
                }
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '[') {
                int close = pattern.indexOf(']', i + 1);
                if (close < 0) {
                    regex.append("\\[");
                } else {
                    String body = pattern.substring(i + 1, close);
                    regex.append('[').append(body.startsWith("^") || body.startsWith("!")
                            ? "^" + body.substring(1) : body).append(']');
                    i = close;
                }
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return Pattern.compile(regex.append('$').toString());
    }
}
