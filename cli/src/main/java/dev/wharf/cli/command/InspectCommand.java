package dev.wharf.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.api.client.EngineErrorException;
import java.io.IOException;
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

    @Option(names = {"-f", "--format"}, description = "Format output using a Go template, e.g. {{.Id}} or {{json .Config}}.")
    private String format;

    @Parameters(arity = "1..*", paramLabel = "NAME|ID")
    private List<String> names;

    @Override
    public Integer call() throws IOException {
        if (type != null && !java.util.Set.of("container", "image", "volume").contains(type)) {
            err().println("\"" + type + "\" is not a valid value for --type");
            return 1;
        }
        return InspectOutput.print(names, format, this::find, out(), err());
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
