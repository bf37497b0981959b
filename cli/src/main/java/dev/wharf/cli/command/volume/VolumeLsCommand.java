package dev.wharf.cli.command.volume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.api.ApiJson;
import dev.wharf.api.client.EngineErrorException;
import dev.wharf.api.types.Volume;
import dev.wharf.cli.command.EngineCommand;
import dev.wharf.cli.command.PsCommand;
import dev.wharf.cli.format.TableWriter;
import dev.wharf.cli.format.TemplateOutput;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wharf volume ls}: DRIVER and VOLUME NAME sorted by name; {@code --format} over docker's fields
 * (.Name .Driver .Scope .Mountpoint .Labels .Links .Size), {@code table …} with a header row.
 */
@Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true, description = "List volumes.")
final class VolumeLsCommand extends EngineCommand {
    private static final Map<String, String> HEADERS = Map.of("Name", "VOLUME NAME", "Driver", "DRIVER",
            "Scope", "SCOPE", "Mountpoint", "MOUNTPOINT", "Labels", "LABELS", "Links", "LINKS", "Size", "SIZE");

    @Option(names = {"-q", "--quiet"}, description = "Only display volume names.")
    private boolean quiet;

    @Option(names = {"-f", "--filter"}, description = "Provide filter values (e.g. \"dangling=true\").")
    private List<String> filters = List.of();

    @Option(names = "--format", description = "Format output using a custom template.")
    private String format;

    @Override
    public Integer call() throws IOException {
        List<Volume> volumes;
        try {
            volumes = client().volumeList(PsCommand.parseFilters(filters)).volumes().stream()
                    .sorted(Comparator.comparing(Volume::name)).toList();
        } catch (EngineErrorException e) {
            return daemonError(e);
        }
        if (quiet) {
            volumes.forEach(v -> out().println(v.name()));
        } else if (format == null || format.equals("table")) {
            var table = new TableWriter().row("DRIVER", "VOLUME NAME");
            volumes.forEach(v -> table.row(v.driver(), v.name()));
            table.print(out());
        } else {
            printFormatted(volumes);
        }
        return 0;
    }

    private void printFormatted(List<Volume> volumes) {
        var header = ApiJson.mapper().createObjectNode();
        HEADERS.forEach(header::put);
        TemplateOutput.print(out(), format, volumes.stream().<JsonNode>map(VolumeLsCommand::row).toList(), header,
                (receiver, name, args) -> null);
    }

    /** The fields docker's volume formatter offers, Labels as {@code k=v,k=v}. */
    private static ObjectNode row(Volume v) {
        var node = ApiJson.mapper().createObjectNode();
        node.put("Name", v.name());
        node.put("Driver", v.driver());
        node.put("Scope", v.scope());
        node.put("Mountpoint", v.mountpoint());
        node.put("Labels", TemplateOutput.labels(v.labels()));
        node.put("Links", "N/A");
        node.put("Size", "N/A");
        return node;
    }
}
