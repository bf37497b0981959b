package dev.wharf.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.api.ApiJson;
import dev.wharf.api.client.EngineErrorException;
import dev.wharf.api.types.EventMessage;
import dev.wharf.cli.format.TemplateOutput;
import dev.wharf.cli.format.template.GoTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wharf events}: the daemon's events, replayed from {@code --since}, streamed until {@code --until}
 * (or forever), in docker's line format or a {@code --format} template.
 */
@Command(name = "events", mixinStandardHelpOptions = true, description = "Get real time events from the server.")
public final class EventsCommand extends EngineCommand {
    /** Go's RFC3339NanoFixed in the local zone, as docker prints event times. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX")
            .withZone(ZoneId.systemDefault());

    @Option(names = "--since", description = "Show all events created since timestamp.")
    private String since;

    @Option(names = "--until", description = "Stream events until this timestamp.")
    private String until;

    @Option(names = {"-f", "--filter"}, description = "Filter output based on conditions provided.")
    private List<String> filters = new ArrayList<>();

    @Option(names = "--format", description = "Format output using a custom template.")
    private String format;

    @Override
    public Integer call() throws IOException {
        Instant now = Instant.now();
        String from;
        String to;
        try {
            from = EventTimestamps.toQuery(since, now);
            to = EventTimestamps.toQuery(until, now);
        } catch (IllegalArgumentException e) {
            err().println(e.getMessage());
            return 1;
        }
        GoTemplate template = format == null || format.isEmpty() || format.equals("{{json .}}")
                ? null : TemplateOutput.parse(format);
        PrintStream out = out();
        try {
            client().events(from, to, PsCommand.parseFilters(filters), event -> {
                out.println(format == null || format.isEmpty() ? line(event)
                        : template == null ? ApiJson.toJson(event) : template.execute(goFields(event)));
                out.flush();
            });
            return 0;
        } catch (EngineErrorException e) {
            return daemonError(e);
        }
    }

    /** docker's prettyPrintEvent: time, type, action, actor ID and the sorted attributes. */
    static String line(EventMessage event) {
        var line = new StringBuilder();
        if (event.timeNano() != 0) {
            line.append(TIME.format(Instant.ofEpochSecond(0, event.timeNano()))).append(' ');
        } else if (event.time() != 0) {
            line.append(TIME.format(Instant.ofEpochSecond(event.time()))).append(' ');
        }
        line.append(event.type()).append(' ').append(event.action()).append(' ').append(event.actor().id());
        Map<String, String> attributes = event.actor().attributes();
        if (attributes != null && !attributes.isEmpty()) {
            line.append(" (").append(new TreeMap<>(attributes).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))).append(')');
        }
        return line.toString();
    }

    /** Templates name the Go struct's fields ({@code .Status}, {@code .ID}, {@code .Actor.ID}), not the JSON keys. */
    private static ObjectNode goFields(EventMessage event) {
        ObjectNode node = ApiJson.mapper().createObjectNode();
        node.put("Status", event.status());
        node.put("ID", event.id());
        node.put("From", event.from());
        node.put("Type", event.type());
        node.put("Action", event.action());
        node.set("Actor", ApiJson.mapper().valueToTree(event.actor()));
        node.put("Scope", event.scope());
        node.put("Time", event.time());
        node.put("TimeNano", event.timeNano());
        return node;
    }
}
