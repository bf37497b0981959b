package dev.wharf.cli.format.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.wharf.api.ApiJson;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The functions a docker {@code --format} template can call: Go's builtins ({@code and or not len
 * index print printf println eq ne lt le gt ge}) and the docker CLI's ({@code json join split lower
 * upper title pad truncate}).
 */
final class Functions {
    private static final Map<String, BiFunction<List<JsonNode>, Integer, JsonNode>> ALL = Map.ofEntries(
            Map.entry("json", (args, line) -> text(ApiJson.toJson(arg(args, 0, 1, "json", line).isMissingNode()
                    ? GoValues.NODES.nullNode() : args.getFirst()))),
            Map.entry("join", (args, line) -> {
                arity(args, 2, "join", line);
                StringBuilder out = new StringBuilder();
                for (JsonNode item : args.get(0)) {
                    out.append(out.isEmpty() ? "" : args.get(1).asText()).append(GoValues.print(item));
                }
                return text(out.toString());
            }),
            Map.entry("split", (args, line) -> {
                arity(args, 2, "split", line);
                ArrayNode parts = GoValues.NODES.arrayNode();
                String sep = args.get(1).asText();
                String s = GoValues.print(args.get(0));
                if (sep.isEmpty()) {
                    s.codePoints().forEach(cp -> parts.add(new String(Character.toChars(cp))));
                } else {
                    for (String part : s.split(java.util.regex.Pattern.quote(sep), -1)) {
                        parts.add(part);
                    }
                }
                return parts;
            }),
            Map.entry("lower", (args, line) -> text(string(args, "lower", line).toLowerCase(Locale.ROOT))),
            Map.entry("upper", (args, line) -> text(string(args, "upper", line).toUpperCase(Locale.ROOT))),
            Map.entry("title", (args, line) -> text(title(string(args, "title", line)))),
            Map.entry("pad", (args, line) -> {
                arity(args, 3, "pad", line);
                return text(" ".repeat(args.get(1).asInt()) + GoValues.print(args.get(0)) + " ".repeat(args.get(2).asInt()));
            }),
            Map.entry("truncate", (args, line) -> {
                arity(args, 2, "truncate", line);
                String s = GoValues.print(args.get(0));
                int n = args.get(1).asInt();
                return text(s.codePointCount(0, s.length()) <= n ? s : s.substring(0, s.offsetByCodePoints(0, n)));
            }),
            Map.entry("len", (args, line) -> {
                JsonNode value = arg(args, 0, 1, "len", line);
                if (value.isTextual()) {
                    return GoValues.NODES.numberNode(value.textValue().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
                }
                if (!value.isContainerNode()) {
                    throw new TemplateException("template: :" + line + ": error calling len: len of type "
                            + (value.isMissingNode() || value.isNull() ? "<nil>" : value.getNodeType()));
                }
                return GoValues.NODES.numberNode(value.size());
            }),
            Map.entry("index", Functions::index),
            Map.entry("print", (args, line) -> text(sprint(args))),
            Map.entry("println", (args, line) -> text(String.join(" ", args.stream().map(GoValues::print).toList()) + "\n")),
            Map.entry("printf", (args, line) -> text(Printf.format(string(args.subList(0, Math.min(1, args.size())),
                    "printf", line), args.subList(1, args.size())))),
            Map.entry("not", (args, line) -> GoValues.NODES.booleanNode(!GoValues.truth(arg(args, 0, 1, "not", line)))),
            Map.entry("and", (args, line) -> {
                for (JsonNode value : args) {
                    if (!GoValues.truth(value)) {
                        return value;
                    }
                }
                return args.isEmpty() ? GoValues.missing() : args.getLast();
            }),
            Map.entry("or", (args, line) -> {
                for (JsonNode value : args) {
                    if (GoValues.truth(value)) {
                        return value;
                    }
                }
                return args.isEmpty() ? GoValues.missing() : args.getLast();
            }),
            Map.entry("eq", (args, line) -> {
                if (args.size() < 2) {
                    throw new TemplateException("template: :" + line + ": error calling eq: missing argument for comparison");
                }
                return GoValues.NODES.booleanNode(args.subList(1, args.size()).stream().anyMatch(b -> compare(args.get(0), b, line) == 0));
            }),
            Map.entry("ne", (args, line) -> bool(compare2(args, "ne", line) != 0)),
            Map.entry("lt", (args, line) -> bool(compare2(args, "lt", line) < 0)),
            Map.entry("le", (args, line) -> bool(compare2(args, "le", line) <= 0)),
            Map.entry("gt", (args, line) -> bool(compare2(args, "gt", line) > 0)),
            Map.entry("ge", (args, line) -> bool(compare2(args, "ge", line) >= 0)));

    private Functions() {}

    static boolean exists(String name) {
        return ALL.containsKey(name);
    }

    static JsonNode call(String name, List<JsonNode> args, int line) {
        return ALL.get(name).apply(args, line);
    }

    private static JsonNode index(List<JsonNode> args, int line) {
        JsonNode value = arg(args, 0, args.size(), "index", line);
        for (JsonNode key : args.subList(1, args.size())) {
            if (value.isArray()) {
                int i = key.asInt(-1);
                if (!key.isNumber() || i < 0 || i >= value.size()) {
                    throw new TemplateException("template: :" + line + ": error calling index: index out of range: " + key);
                }
                value = value.get(i);
            } else if (value.isObject()) {
                JsonNode next = value.get(key.asText());
                value = next == null ? GoValues.missing() : next;
            } else if (value.isMissingNode() || value.isNull()) {
                return GoValues.missing();
            } else {
                throw new TemplateException("template: :" + line + ": error calling index: can't index item of type "
                        + value.getNodeType());
            }
        }
        return value;
    }

    /** Go's Sprint: spaces between operands when neither side is a string. */
    private static String sprint(List<JsonNode> args) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0 && !args.get(i).isTextual() && !args.get(i - 1).isTextual()) {
                out.append(' ');
            }
            out.append(GoValues.print(args.get(i)));
        }
        return out.toString();
    }

    private static int compare2(List<JsonNode> args, String name, int line) {
        arity(args, 2, name, line);
        return compare(args.get(0), args.get(1), line);
    }

    private static int compare(JsonNode a, JsonNode b, int line) {
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        if (a.isTextual() && b.isTextual()) {
            return a.textValue().compareTo(b.textValue());
        }
        if (a.isBoolean() && b.isBoolean()) {
            return Boolean.compare(a.booleanValue(), b.booleanValue());
        }
        if ((a.isNull() || a.isMissingNode()) && (b.isNull() || b.isMissingNode())) {
            return 0;
        }
        throw new TemplateException("template: :" + line + ": error calling eq: incompatible types for comparison");
    }

    /** Go's deprecated strings.Title: the first letter of every word upper-cased. */
    private static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean start = true;
        for (char c : s.toCharArray()) {
            out.append(start ? Character.toTitleCase(c) : c);
            start = !Character.isLetterOrDigit(c) && c != '_' && c != '\'';
        }
        return out.toString();
    }

    private static String string(List<JsonNode> args, String name, int line) {
        return GoValues.print(arg(args, 0, 1, name, line));
    }

    private static JsonNode arg(List<JsonNode> args, int i, int arity, String name, int line) {
        arity(args, arity, name, line);
        return args.get(i);
    }

    private static void arity(List<JsonNode> args, int wanted, String name, int line) {
        if (args.size() != wanted) {
            throw new TemplateException("template: :" + line + ": wrong number of args for " + name + ": want "
                    + wanted + " got " + args.size());
        }
    }

    private static JsonNode text(String s) {
        return GoValues.NODES.textNode(s);
    }

    private static JsonNode bool(boolean b) {
        return GoValues.NODES.booleanNode(b);
    }
}
