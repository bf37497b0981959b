package dev.wharf.cli.command.volume;

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

/** {@code wharf volume inspect}: the daemon's objects as one indented array, or one line each with --format. */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Display detailed information on one or more volumes.")
final class VolumeInspectCommand extends VolumeSubcommand {
    @Option(names = {"-f", "--format"}, description = "Format output using a custom template.")
    private String format;

    @Parameters(arity = "1..*", paramLabel = "VOLUME")
    private List<String> names;

    @Override
    public Integer call() throws IOException {
        var template = format == null ? null : new SimpleTemplate(format);
        var found = new ArrayList<JsonNode>();
        var errors = new ArrayList<String>();
        for (String name : names) {
            try {
                found.add(ApiJson.mapper().valueToTree(client().volumeInspect(name)));
            } catch (EngineErrorException e) {
                errors.add("Error response from daemon: " + e.getMessage());
            }
        }
        if (template != null) {
            found.forEach(volume -> out().println(template.render(volume)));
        } else {
            out().println(ApiJson.toDockerIndentedJson(found));
        }
        out().flush();
        errors.forEach(err()::println);
        return errors.isEmpty() ? 0 : 1;
    }
}
