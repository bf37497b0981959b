package dev.wharf.build.dockerfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.build.dockerfile.Instruction.Add;
import dev.wharf.build.dockerfile.Instruction.Arg;
import dev.wharf.build.dockerfile.Instruction.Cmd;
import dev.wharf.build.dockerfile.Instruction.Copy;
import dev.wharf.build.dockerfile.Instruction.Entrypoint;
import dev.wharf.build.dockerfile.Instruction.Env;
import dev.wharf.build.dockerfile.Instruction.Expose;
import dev.wharf.build.dockerfile.Instruction.From;
import dev.wharf.build.dockerfile.Instruction.Healthcheck;
import dev.wharf.build.dockerfile.Instruction.Label;
import dev.wharf.build.dockerfile.Instruction.Maintainer;
import dev.wharf.build.dockerfile.Instruction.OnBuild;
import dev.wharf.build.dockerfile.Instruction.Run;
import dev.wharf.build.dockerfile.Instruction.Shell;
import dev.wharf.build.dockerfile.Instruction.StopSignal;
import dev.wharf.build.dockerfile.Instruction.User;
import dev.wharf.build.dockerfile.Instruction.Volume;
import dev.wharf.build.dockerfile.Instruction.Workdir;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns logical lines into instructions (Docker's per-instruction argument rules) and groups them into stages. */
public final class InstructionParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Set<String>> FLAGS = Map.of(
            "FROM", Set.of("platform"),
            "RUN", Set.of("mount", "network", "security"),
            "COPY", Set.of("from", "chown", "chmod", "link", "parents", "exclude"),
            "ADD", Set.of("chown", "chmod", "link", "checksum", "keep-git-dir", "exclude"),
            "HEALTHCHECK", Set.of("interval", "timeout", "start-period", "start-interval", "retries"));

    private final char escape;

    public InstructionParser(char escape) {
        this.escape = escape;
    }

    Dockerfile assemble(List<LogicalLine> lines) throws DockerfileSyntaxException {
        List<Arg> metaArgs = new ArrayList<>();
        List<Dockerfile.Stage> stages = new ArrayList<>();
        From from = null;
        List<Instruction> body = new ArrayList<>();
        for (LogicalLine line : lines) {
            Instruction instruction = parse(line);
            if (instruction instanceof From f) {
                if (from != null) {
                    stages.add(new Dockerfile.Stage(stages.size(), from, List.copyOf(body)));
                }
                from = f;
                body.clear();
            } else if (from == null) {
                if (!(instruction instanceof Arg arg)) {
                    throw new DockerfileSyntaxException(line.line(), "no build stage in current context");
                }
                metaArgs.add(arg);
            } else {
                body.add(instruction);
            }
        }
        if (from != null) {
            stages.add(new Dockerfile.Stage(stages.size(), from, List.copyOf(body)));
        }
        return new Dockerfile(escape, List.copyOf(metaArgs), List.copyOf(stages));
    }

    /** One instruction line (also an ONBUILD trigger as stored in an image, with line 0). */
    public Instruction parse(String text) throws DockerfileSyntaxException {
        return parse(new LogicalLine(0, text.strip(), List.of()));
    }

    Instruction parse(LogicalLine line) throws DockerfileSyntaxException {
        String[] parts = line.text().split("\\s+", 2);
        String keyword = parts[0].toUpperCase(Locale.ROOT);
        String rest = parts.length > 1 ? parts[1] : "";
        Source source = new Source(line.line(), line.text());
        Map<String, String> flags = new LinkedHashMap<>();
        if (FLAGS.containsKey(keyword)) {
            rest = extractFlags(line.line(), keyword, rest, flags);
        }
        return switch (keyword) {
            case "FROM" -> from(source, rest, flags);
            case "RUN" -> new Run(source, command(rest), Map.copyOf(flags), line.heredocs());
            case "CMD" -> new Cmd(source, command(rest));
            case "ENTRYPOINT" -> new Entrypoint(source, command(rest));
            case "ENV" -> new Env(source, nameValues(source, "ENV", rest));
            case "LABEL" -> new Label(source, nameValues(source, "LABEL", rest));
            case "ARG" -> new Arg(source, args(source, rest));
            case "EXPOSE" -> new Expose(source, required(source, "EXPOSE", RawWords.split(rest, escape), 1));
            case "VOLUME" -> new Volume(source, required(source, "VOLUME", jsonOrWords(rest), 1));
            case "WORKDIR" -> new Workdir(source, single(source, "WORKDIR", rest));
            case "USER" -> new User(source, single(source, "USER", rest));
            case "STOPSIGNAL" -> new StopSignal(source, single(source, "STOPSIGNAL", rest));
            case "MAINTAINER" -> new Maintainer(source, single(source, "MAINTAINER", rest));
            case "SHELL" -> new Shell(source, shell(source, rest));
            case "HEALTHCHECK" -> healthcheck(source, rest, flags);
            case "COPY", "ADD" -> transfer(source, keyword, rest, flags, line.heredocs());
            case "ONBUILD" -> onBuild(source, rest);
            default -> throw new DockerfileSyntaxException(line.line(), "unknown instruction: " + keyword);
        };
    }

    private String extractFlags(int line, String keyword, String rest, Map<String, String> flags)
            throws DockerfileSyntaxException {
        String remaining = rest.stripLeading();
        while (remaining.startsWith("--")) {
            int end = 0;
            char quote = 0;
            while (end < remaining.length() && (quote != 0 || !Character.isWhitespace(remaining.charAt(end)))) {
                char c = remaining.charAt(end);
                if (quote == 0 && (c == '"' || c == '\'')) {
                    quote = c;
                } else if (c == quote) {
                    quote = 0;
                }
                end++;
            }
            String flag = remaining.substring(2, end);
            if (flag.isEmpty()) {
                break; // "--" alone ends the flags
            }
            int eq = flag.indexOf('=');
            String name = eq < 0 ? flag : flag.substring(0, eq);
            String value = eq < 0 ? "true" : unquote(flag.substring(eq + 1));
            if (!FLAGS.get(keyword).contains(name)) {
                throw new DockerfileSyntaxException(line, "unknown flag: " + name);
            }
            flags.merge(name, value, (a, b) -> a + "," + b);
            remaining = remaining.substring(end).stripLeading();
        }
        return remaining;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private From from(Source source, String rest, Map<String, String> flags) throws DockerfileSyntaxException {
        List<String> words = RawWords.split(rest, escape);
        if (words.size() == 1) {
            return new From(source, words.getFirst(), null, flags.get("platform"));
        }
        if (words.size() == 3 && words.get(1).equalsIgnoreCase("AS")) {
            String name = words.get(2).toLowerCase(Locale.ROOT);
            if (!name.matches("[a-z][a-z0-9-_.]*")) {
                throw new DockerfileSyntaxException(source.line(), "invalid name for build stage: \"" + words.get(2)
                        + "\", name can't start with a number or contain symbols");
            }
            return new From(source, words.getFirst(), name, flags.get("platform"));
        }
        throw new DockerfileSyntaxException(source.line(), "FROM requires either one or three arguments");
    }

    /** The JSON array form when the text is one, else the shell form. */
    private static Command command(String rest) {
        List<String> json = jsonArray(rest);
        return json != null ? new Command.ExecForm(json) : new Command.ShellForm(rest);
    }

    private static List<String> jsonArray(String rest) {
        String trimmed = rest.strip();
        if (!trimmed.startsWith("[")) {
            return null;
        }
        try {
            return JSON.readValue(trimmed, new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private List<String> jsonOrWords(String rest) {
        List<String> json = jsonArray(rest);
        return json != null ? json : RawWords.split(rest, escape);
    }

    private List<KeyValue> nameValues(Source source, String keyword, String rest) throws DockerfileSyntaxException {
        List<String> words = RawWords.split(rest, escape);
        if (words.isEmpty()) {
            throw new DockerfileSyntaxException(source.line(), keyword + " requires at least one argument");
        }
        if (!words.getFirst().contains("=")) {
            String[] parts = rest.strip().split("\\s+", 2);
            if (parts.length < 2) {
                throw new DockerfileSyntaxException(source.line(), keyword + " must have two arguments");
            }
            return List.of(new KeyValue(parts[0], parts[1]));
        }
        List<KeyValue> pairs = new ArrayList<>();
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq < 0) {
                throw new DockerfileSyntaxException(source.line(), "Syntax error - can't find = in \"" + word
                        + "\". Must be of the form: name=value");
            }
            pairs.add(new KeyValue(word.substring(0, eq), word.substring(eq + 1)));
        }
        return List.copyOf(pairs);
    }

    private List<KeyValue> args(Source source, String rest) throws DockerfileSyntaxException {
        List<String> words = RawWords.split(rest, escape);
        if (words.isEmpty()) {
            throw new DockerfileSyntaxException(source.line(), "ARG requires at least one argument");
        }
        List<KeyValue> args = new ArrayList<>();
        for (String word : words) {
            int eq = word.indexOf('=');
            args.add(eq < 0 ? new KeyValue(word, null) : new KeyValue(word.substring(0, eq), word.substring(eq + 1)));
        }
        return List.copyOf(args);
    }

    private static List<String> required(Source source, String keyword, List<String> values, int min)
            throws DockerfileSyntaxException {
        if (values.size() < min) {
            throw new DockerfileSyntaxException(source.line(), keyword + " requires at least one argument");
        }
        return List.copyOf(values);
    }

    private static String single(Source source, String keyword, String rest) throws DockerfileSyntaxException {
        String value = rest.strip();
        if (value.isEmpty()) {
            throw new DockerfileSyntaxException(source.line(), keyword + " requires exactly one argument");
        }
        return value;
    }

    private static List<String> shell(Source source, String rest) throws DockerfileSyntaxException {
        List<String> json = jsonArray(rest);
        if (json == null) {
            throw new DockerfileSyntaxException(source.line(), "SHELL requires the arguments to be in JSON form");
        }
        if (json.isEmpty()) {
            throw new DockerfileSyntaxException(source.line(), "SHELL requires at least one argument");
        }
        return json;
    }

    private Healthcheck healthcheck(Source source, String rest, Map<String, String> flags)
            throws DockerfileSyntaxException {
        String[] parts = rest.strip().split("\\s+", 2);
        String type = parts[0].toUpperCase(Locale.ROOT);
        if (type.equals("NONE")) {
            if (parts.length > 1 || !flags.isEmpty()) {
                throw new DockerfileSyntaxException(source.line(), "HEALTHCHECK NONE takes no arguments");
            }
            return new Healthcheck(source, null, Map.of());
        }
        if (!type.equals("CMD") || parts.length < 2) {
            throw new DockerfileSyntaxException(source.line(), "Unknown type \"" + parts[0] + "\" in HEALTHCHECK (try CMD)");
        }
        return new Healthcheck(source, command(parts[1]), Map.copyOf(flags));
    }

    private Instruction transfer(Source source, String keyword, String rest, Map<String, String> flags,
            List<Heredoc> heredocs) throws DockerfileSyntaxException {
        List<String> args = jsonOrWords(rest);
        if (args.size() < 2) {
            throw new DockerfileSyntaxException(source.line(), keyword
                    + " requires at least two arguments, but only one was provided. Destination could not be determined.");
        }
        List<String> sources = List.copyOf(args.subList(0, args.size() - 1));
        String destination = args.getLast();
        return keyword.equals("COPY")
                ? new Copy(source, sources, destination, Map.copyOf(flags), heredocs)
                : new Add(source, sources, destination, Map.copyOf(flags), heredocs);
    }

    private Instruction onBuild(Source source, String rest) throws DockerfileSyntaxException {
        String expression = rest.strip();
        if (expression.isEmpty()) {
            throw new DockerfileSyntaxException(source.line(), "ONBUILD requires at least one argument");
        }
        String trigger = expression.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        if (trigger.equals("ONBUILD")) {
            throw new DockerfileSyntaxException(source.line(), "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
        }
        if (trigger.equals("FROM") || trigger.equals("MAINTAINER")) {
            throw new DockerfileSyntaxException(source.line(), trigger + " isn't allowed as an ONBUILD trigger");
        }
        Instruction parsed = parse(new LogicalLine(source.line(), expression, List.of()));
        return new OnBuild(source, parsed, expression);
    }
}
