package dev.wharf.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.api.ApiJson;
import dev.wharf.api.client.EngineErrorException;
import dev.wharf.cli.CliFailure;
import dev.wharf.cli.format.TemplateOutput;
import dev.wharf.cli.format.template.GoDurationNode;
import dev.wharf.cli.format.template.TemplateException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * docker's output of the inspect commands: every object found as one array indented with four spaces,
 * or one line each with {@code --format}; then the errors, and exit code 1 if there were any.
 */
public final class InspectOutput {
    /** Finds one object by the name the user gave; null when there is no such object. */
    @FunctionalInterface
    public interface Lookup {
        JsonNode find(String name) throws IOException;
    }

    private InspectOutput() {}

    public static int print(List<String> names, String format, Lookup lookup, PrintStream out, PrintStream err)
            throws IOException {
        var template = format == null ? null : TemplateOutput.parse(format);
        var found = new ArrayList<JsonNode>();
        var errors = new ArrayList<String>();
        for (String name : names) {
            try {
                JsonNode object = lookup.find(name);
                if (object == null) {
                    errors.add("Error: No such object: " + name);
                } else {
                    found.add(object);
                }
            } catch (EngineErrorException e) {
                errors.add("Error response from daemon: " + e.getMessage());
            }
        }
        if (template == null) {
            out.println(ApiJson.toDockerIndentedJson(found));
        } else {
            for (JsonNode object : found) {
                try {
                    out.println(template.execute(GoDurationNode.markDurations(object)));
                } catch (TemplateException e) {
                    out.flush();
                    throw new CliFailure(1, "template: " + e.getMessage());
                }
            }
        }
        out.flush();
        errors.forEach(err::println);
        return errors.isEmpty() ? 0 : 1;
    }

    /** An object of the API as the JSON tree a template reads. */
    public static JsonNode tree(Object wireObject) {
        return ApiJson.mapper().valueToTree(wireObject);
    }
}
