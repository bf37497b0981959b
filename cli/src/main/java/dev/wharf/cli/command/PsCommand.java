package dev.wharf.cli.command;

import dev.wharf.api.types.ContainerSummary;
import dev.wharf.api.types.Port;
import dev.wharf.cli.format.GoQuote;
import dev.wharf.cli.format.HumanUnits;
import dev.wharf.cli.format.Ids;
import dev.wharf.cli.format.TableWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wharf ps}: docker's container table. */
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

    @Override
    public Integer call() throws IOException {
        var containers = client().containerList(all, parseFilters(filters));
        if (quiet) {
            containers.forEach(c -> out().println(noTrunc ? c.id() : Ids.shortId(c.id())));
            return 0;
        }
        long now = System.currentTimeMillis();
        var table = new TableWriter().row("CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES");
        for (var c : containers) {
            String command = c.command() == null ? "" : c.command();
            table.row(noTrunc ? c.id() : Ids.shortId(c.id()),
                    nullToEmpty(c.image()),
                    GoQuote.quote(noTrunc ? command : GoQuote.ellipsis(command, 20)),
                    HumanUnits.ago(c.created(), now),
                    nullToEmpty(c.status()),
                    ports(c.ports()),
                    names(c));
        }
        table.print(out());
        return 0;
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
    private static String names(ContainerSummary c) {
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
