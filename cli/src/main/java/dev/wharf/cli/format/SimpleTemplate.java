package dev.wharf.cli.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.api.ApiJson;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small subset of Go templates that covers most {@code --format} uses: {@code {{.A.B}}},
 * {@code {{json .A}}} and {@code {{.}}}. Anything else is rejected rather than guessed.
 */
public final class SimpleTemplate {

    private static final Pattern ACTION = Pattern.compile("\\{\\{-?\\s*(json\\s+)?(\\.[A-Za-z0-9_.]*)\\s*-?}}");

    private final String template;

    public SimpleTemplate(String template) {
        if (ACTION.matcher(template).replaceAll("").contains("{{")) {
            throw new IllegalArgumentException("unsupported template (only {{.Path}} and {{json .Path}}): " + template);
        }
        this.template = template;
    }

    public String render(JsonNode root) {
        Matcher matcher = ACTION.matcher(template);
        var result = new StringBuilder();
        while (matcher.find()) {
            JsonNode value = resolve(root, matcher.group(2));
            String text = matcher.group(1) != null ? ApiJson.toJson(value) : plain(value);
            matcher.appendReplacement(result, Matcher.quoteReplacement(text));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static JsonNode resolve(JsonNode root, String path) {
        JsonNode node = root;
        for (String field : path.substring(1).split("\\.")) {
            if (field.isEmpty()) {
                continue;
            }
            node = node == null ? null : node.get(field);
        }
        return node;
    }

    private static String plain(JsonNode value) {
        if (value == null) {
            return "<no value>";
        }
        if (value.isNull()) {
            return "<nil>";
        }
        return value.isValueNode() ? value.asText() : ApiJson.toJson(value);
    }
}
