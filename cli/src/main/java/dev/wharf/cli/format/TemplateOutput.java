package dev.wharf.cli.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.wharf.cli.CliFailure;
import dev.wharf.cli.format.template.GoTemplate;
import dev.wharf.cli.format.template.TemplateException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * docker's {@code --format} for lists ({@code ps}, {@code images}): {@code \t} and {@code \n} in
 * the format are escapes; {@code table …} adds a header row (the template run on the column names)
 * and aligns the tab-separated cells like docker's tabwriter; anything else prints one line per row.
 */
public final class TemplateOutput {
    private static final String TABLE = "table";

    private TemplateOutput() {}

    /** Whether the format asks for a table with docker's default columns ({@code table} alone). */
    public static boolean isDefaultTable(String format) {
        return format.strip().equals(TABLE);
    }

    public static void print(PrintStream out, String format, List<JsonNode> rows, JsonNode headers,
            GoTemplate.Methods methods) {
        boolean table = format.startsWith(TABLE);
        String body = (table ? format.substring(TABLE.length()) : format).strip()
                .replace("\\t", "\t").replace("\\n", "\n");
        GoTemplate template = parse(body);
        try {
            if (!table) {
                rows.forEach(row -> out.println(template.execute(row, methods)));
                return;
            }
            TableWriter writer = new TableWriter();
            // a header method ({{.Label "x"}}) is named like a column: LABEL
            writer.row(template.execute(headers, (receiver, name, args) -> TextNode.valueOf(name.toUpperCase(Locale.ROOT)))
                    .split("\t", -1));
            for (JsonNode row : rows) {
                for (String line : template.execute(row, methods).split("\n")) {
                    writer.row(line.split("\t", -1));
                }
            }
            writer.print(out);
        } catch (TemplateException e) {
            throw new CliFailure(1, "template: " + e.getMessage());
        }
    }

    /** Labels as docker's list formatters show them: {@code k=v,k=v}, sorted; empty for none. */
    public static String labels(Map<String, String> labels) {
        return labels == null ? "" : labels.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(","));
    }

    /** Parses a user's template; docker reports a bad one as {@code template parsing error: …} with exit 64. */
    public static GoTemplate parse(String template) {
        try {
            return GoTemplate.parse(template);
        } catch (TemplateException e) {
            throw new CliFailure(64, "template parsing error: " + e.getMessage());
        }
    }
}
