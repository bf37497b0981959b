package dev.wharf.cli.command.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.api.ApiJson;
import dev.wharf.api.client.EngineErrorException;
import dev.wharf.api.types.NetworkResource;
import dev.wharf.cli.command.EngineCommand;
import dev.wharf.cli.command.PsCommand;
import dev.wharf.cli.format.TableWriter;
import dev.wharf.cli.format.TemplateOutput;
import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wharf network ls}: docker's table sorted by name; {@code --format} over docker's network fields. */
@Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true, description = "List networks.")
final class NetworkLsCommand extends EngineCommand {
    private static final Map<String, String> HEADERS = headers();

    @Option(names = {"-q", "--quiet"}, description = "Only display network IDs.")
    private boolean quiet;

    @Option(names = "--no-trunc", description = "Do not truncate the output.")
    private boolean noTrunc;

    @Option(names = {"-f", "--filter"}, description = "Provide filter values (e.g. \"driver=bridge\").")
    private List<String> filters = List.of();

    @Option(names = "--format", description = "Format output using a custom template.")
    private String format;

    @Override
    public Integer call() throws IOException {
        List<NetworkResource> networks;
        try {
            networks = client().networkList(PsCommand.parseFilters(filters)).stream()
                    .sorted(Comparator.comparing(NetworkResource::name)).toList();
        } catch (EngineErrorException e) {
            return daemonError(e);
        }
        if (quiet) {
            networks.forEach(n -> out().println(id(n)));
        } else if (format == null || format.equals("table")) {
            var table = new TableWriter().row("NETWORK ID", "NAME", "DRIVER", "SCOPE");
            networks.forEach(n -> table.row(id(n), n.name(), n.driver(), n.scope()));
            table.print(out());
        } else {
            printFormatted(networks);
        }
        return 0;
    }

    private String id(NetworkResource n) {
        return noTrunc ? n.id() : n.id().substring(0, 12);
    }

    private void printFormatted(List<NetworkResource> networks) {
        var header = ApiJson.mapper().createObjectNode();
        HEADERS.forEach(header::put);
        TemplateOutput.print(out(), format, networks.stream().<JsonNode>map(this::row).toList(), header,
                (receiver, name, args) -> null);
    }

    /** The fields of docker's network formatter, Labels as {@code k=v,k=v}. */
    private ObjectNode row(NetworkResource n) {
        var node = ApiJson.mapper().createObjectNode();
        node.put("ID", id(n));
        node.put("Name", n.name());
        node.put("Driver", n.driver());
        node.put("Scope", n.scope());
        node.put("IPv6", Boolean.toString(n.enableIpv6()));
        node.put("Internal", Boolean.toString(n.internal()));
        node.put("Labels", TemplateOutput.labels(n.labels()));
        node.put("CreatedAt", n.created());
        return node;
    }

    private static Map<String, String> headers() {
        var headers = new LinkedHashMap<String, String>();
        headers.put("ID", "NETWORK ID");
        headers.put("Name", "NAME");
        headers.put("Driver", "DRIVER");
        headers.put("Scope", "SCOPE");
        headers.put("IPv6", "IPV6");
        headers.put("Internal", "INTERNAL");
        headers.put("Labels", "LABELS");
        headers.put("CreatedAt", "CREATED AT");
        return headers;
    }
}
