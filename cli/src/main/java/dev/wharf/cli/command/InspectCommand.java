package dev.wharf.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.api.ApiJson;
import dev.wharf.api.client.EngineErrorException;
import dev.wharf.cli.format.SimpleTemplate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wharf inspect}: the daemon's JSON as is, containers first, then images (docker's
 * untyped inspect), printed as one array indented with four spaces.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Return low-level information on objects.")
public final class InspectCommand extends EngineCommand {

    @Option(names = "--type", description = "Only inspect objects of the given type (container, image, volume).")
    private String type;

    @Option(names = {"-f", "--format"}, description = "Format output using a (simple) Go template, e.g. {{.Id}}.")
    private String format;

    @Parameters(arity = "1..*", paramLabel = "NAME|ID")
    private List<String> names;

    @Override
    public Integer call() throws IOException {
        if (type != null && !java.util.Set.of("container", "image", "volume").contains(type)) {
            err().println("\"" + type + "\" is not a valid value for --type");
            return 1;
        }
        var template = format == null ? null : new SimpleTemplate(format);
        var found = new ArrayList<JsonNode>();
        var errors = new ArrayList<String>();
        for (String name : names) {
            try {
                JsonNode object = find(name);
                if (object == null) {
                    errors.add("Error: No such object: " + name);
                } else {
                    found.add(object);
                }
            } catch (EngineErrorException e) {
                errors.add("Error response from daemon: " + e.getMessage());
            }
        }
        if (template != null) {
            found.forEach(object -> out().println(template.render(object)));
        } else {
            out().println(ApiJson.toDockerIndentedJson(found));
        }
        out().flush();
        errors.forEach(err()::println);
        return errors.isEmpty() ? 0 : 1;
    }

    private JsonNode find(String name) throws IOException {
        String escaped = name.replace("?", "%3F").replace("#", "%23").replace(" ", "%20");
        if (type == null || type.equals("container")) {
            JsonNode container = getOrNull("/containers/" + escaped + "/json");
            if (container != null || type != null) {
                return container;
            }
        }
        if (type == null || type.equals("image")) {
            JsonNode image = getOrNull("/images/" + escaped + "/json");
            if (image != null || type != null) {
                return image;
            }
        }
        return getOrNull("/volumes/" + escaped);
    }

    private JsonNode getOrNull(String path) throws IOException {
        try {
            return client().getJsonTree(path);
        } catch (EngineErrorException e) {
            if (e.isNotFound()) {
                return null;
            }
            throw e;
        }
    }
}
