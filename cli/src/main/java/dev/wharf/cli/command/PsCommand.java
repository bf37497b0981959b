package dev.wharf.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.wharf.api.ApiJson;
import dev.wharf.api.types.ContainerSummary;
import dev.wharf.api.types.Port;
import dev.wharf.cli.format.GoQuote;
import dev.wharf.cli.format.HumanUnits;
import dev.wharf.cli.format.Ids;
import dev.wharf.cli.format.TemplateOutput;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wharf ps}: docker's container table, or {@code --format} with docker's container context
 * (ID, Image, Command, CreatedAt, RunningFor, Ports, State, Status, Size, Names, Labels, Mounts,
 * Networks, LocalVolumes, and {@code .Label "key"}); the default table is that template too.
 */
@Command(name = "ps", mixinStandardHelpOptions = true, description = "List containers.")
public final class PsCommand extends EngineCommand {

    @Option(names = {"-a", "--all"}, description = "Show all containers (default shows just running).")
    private boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only display container IDs.")
    private boolean quiet;

    @Option(names = "--no-trunc", description = "Don't truncate output.")
    private boolean noTrunc;

    @Option(names = {"-f", "--filter"}, description = "Filter output based on conditions provided (key=value).")
    private List<String> filters = new ArrayList<>();

    @Option(names = "--format", description = "Format output using a custom template: 'table', 'table TEMPLATE', 'json', or a Go template.")
    private String format;

    /** Go's time.Time.String() in UTC, as docker's CreatedAt prints it. */
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss '+0000 UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String DEFAULT_FORMAT =
            "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";
    private static final ObjectNode HEADERS = ApiJson.mapper().createObjectNode()
            .put("Command", "COMMAND").put("CreatedAt", "CREATED AT").put("ID", "CONTAINER ID").put("Image", "IMAGE")
            .put("Labels", "LABELS").put("LocalVolumes", "LOCAL VOLUMES").put("Mounts", "MOUNTS").put("Names", "NAMES")
            .put("Networks", "NETWORKS").put("Ports", "PORTS").put("RunningFor", "CREATED").put("Size", "SIZE")
            .put("State", "STATE").put("Status", "STATUS");

    @Override
    public Integer call() throws IOException {
        var containers = client().containerList(all, parseFilters(filters));
        if (quiet) {
            containers.forEach(c -> out().println(noTrunc ? c.id() : Ids.shortId(c.id())));
            return 0;
        }
        long now = System.currentTimeMillis();
        Map<JsonNode, Map<String, String>> labels = new IdentityHashMap<>();
        List<JsonNode> rows = new ArrayList<>();
        for (var c : containers) {
            JsonNode row = row(c, now);
            labels.put(row, c.labels() == null ? Map.of() : c.labels());
            rows.add(row);
        }
        String chosen = format == null || TemplateOutput.isDefaultTable(format) ? DEFAULT_FORMAT
                : format.equals("json") ? "{{json .}}" : format;
        TemplateOutput.print(out(), chosen, rows, HEADERS, (receiver, name, args) ->
                name.equals("Label") && args.size() == 1 && labels.containsKey(receiver)
                        ? TextNode.valueOf(labels.get(receiver).getOrDefault(args.getFirst().asText(), "")) : null);
        return 0;
    }

    /** docker's containerContext: every column as the string docker prints, keys in its JSON order. */
    private JsonNode row(ContainerSummary c, long now) {
        String command = c.command() == null ? "" : c.command();
        ObjectNode row = ApiJson.mapper().createObjectNode();
        row.put("Command", GoQuote.quote(noTrunc ? command : GoQuote.ellipsis(command, 20)));
        row.put("CreatedAt", CREATED_AT.format(Instant.ofEpochSecond(c.created())));
        row.put("ID", noTrunc ? c.id() : Ids.shortId(c.id()));
        row.put("Image", nullToEmpty(c.image()));
        row.put("Labels", TemplateOutput.labels(c.labels()));
        long volumes = c.mounts() == null ? 0 : c.mounts().stream().filter(m -> "volume".equals(m.type())).count();
        row.put("LocalVolumes", String.valueOf(volumes));
        row.put("Mounts", c.mounts() == null ? "" : c.mounts().stream()
                .map(m -> m.name() != null && !m.name().isEmpty() ? m.name() : nullToEmpty(m.source()))
                .map(m -> noTrunc ? m : GoQuote.ellipsis(m, 15)).collect(Collectors.joining(",")));
        row.put("Names", names(c));
        row.put("Networks", c.networkSettings() == null || c.networkSettings().networks() == null ? ""
                : String.join(",", new java.util.TreeSet<>(c.networkSettings().networks().keySet())));
        row.put("Ports", ports(c.ports()));
        row.put("RunningFor", HumanUnits.ago(c.created(), now));
        row.put("Size", sizeColumn(c));
        row.put("State", nullToEmpty(c.state()));
        row.put("Status", nullToEmpty(c.status()));
        return row;
    }

    /** docker's SIZE column: the writable layer, and the virtual size with the image. */
    private static String sizeColumn(ContainerSummary c) {
        if (c.sizeRw() == null) {
            return "0B";
        }
        String rw = HumanUnits.size(c.sizeRw());
        return c.sizeRootFs() == null || c.sizeRootFs() == 0 ? rw
                : rw + " (virtual " + HumanUnits.size(c.sizeRootFs()) + ")";
    }

    public static Map<String, List<String>> parseFilters(List<String> filters) {
        var result = new LinkedHashMap<String, List<String>>();
        for (String filter : filters) {
            int eq = filter.indexOf('=');
            if (eq <= 0) {
                throw new picocli.CommandLine.PicocliException("bad format of filter (expected name=value)");
            }
            result.computeIfAbsent(filter.substring(0, eq), _ -> new ArrayList<>()).add(filter.substring(eq + 1));
        }
        return result;
    }

    /** Own names only: names with a second slash are legacy link aliases, which docker ps hides. */
    static String names(ContainerSummary c) {
        if (c.names() == null) {
            return "";
        }
        return c.names().stream()
                .map(n -> n.startsWith("/") ? n.substring(1) : n)
                .filter(n -> !n.contains("/"))
                .collect(Collectors.joining(","));
    }

    private static String ports(List<Port> ports) {
        if (ports == null) {
            return "";
        }
        return ports.stream()
                .sorted(Comparator.comparing((Port p) -> p.publicPort() == null ? 0 : p.publicPort())
                        .thenComparingInt(Port::privatePort))
                .map(PsCommand::port)
                .distinct()
                .collect(Collectors.joining(", "));
    }

    private static String port(Port p) {
        String target = p.privatePort() + "/" + p.type();
        if (p.publicPort() == null || p.publicPort() == 0) {
            return target;
        }
        String ip = p.ip() == null || p.ip().isEmpty() ? "" : (p.ip().contains(":") ? "[" + p.ip() + "]" : p.ip());
        return ip + ":" + p.publicPort() + "->" + target;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
