package dev.wharf.cli.command;

import dev.wharf.api.client.EngineErrorException;
import dev.wharf.api.types.ContainerStats;
import dev.wharf.api.types.ContainerSummary;
import dev.wharf.cli.CliFailure;
import dev.wharf.cli.format.TableWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wharf stats}: docker stats — one table with {@code --no-stream}, else the table redrawn every
 * second from one stream per container until interrupted.
 */
@Command(name = "stats", description = "Display a live stream of container(s) resource usage statistics.",
        usageHelpAutoWidth = true)
public final class StatsCommand extends EngineCommand {
    /** What the docker CLI writes to redraw: clear the screen, cursor home. */
    private static final String CLEAR = "\033[2J\033[H";

    @Option(names = "--help", usageHelp = true, description = "Print usage.")
    private boolean help;

    @Option(names = {"-a", "--all"}, description = "Show all containers (default shows just running).")
    private boolean all;

    @Option(names = "--no-stream", description = "Disable streaming stats and only pull the first result.")
    private boolean noStream;

    @Option(names = "--no-trunc", description = "Do not truncate output.")
    private boolean noTrunc;

    @Parameters(paramLabel = "CONTAINER", arity = "0..*")
    private List<String> containers = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<String> names = containers.isEmpty() ? listed() : containers;
        Map<String, StatsRow> rows = new ConcurrentHashMap<>();
        List<String> failures = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        for (String name : names) {
            readers.add(Thread.ofVirtual().start(() -> {
                try {
                    client().containerStats(name, !noStream, sample -> {
                        rows.put(name, StatsRow.of(sample));
                        if (!noStream) {
                            redraw(names, rows);
                        }
                    });
                } catch (EngineErrorException e) {
                    synchronized (failures) {
                        failures.add("Error response from daemon: " + e.getMessage());
                    }
                } catch (IOException e) {
                    synchronized (failures) {
                        failures.add(e.getMessage());
                    }
                }
            }));
        }
        for (Thread reader : readers) {
            reader.join();
        }
        if (!failures.isEmpty()) {
            failures.forEach(err()::println);
            throw new CliFailure(1, null);
        }
        if (noStream) {
            print(names, rows);
        }
        return 0;
    }

    private List<String> listed() throws IOException {
        return client().containerList(all, Map.of()).stream().map(ContainerSummary::id).toList();
    }

    private synchronized void redraw(List<String> names, Map<String, StatsRow> rows) {
        out().print(CLEAR);
        print(names, rows);
        out().flush();
    }

    private void print(List<String> names, Map<String, StatsRow> rows) {
        var table = new TableWriter().row(StatsRow.HEADER.toArray(String[]::new));
        for (String name : names) {
            StatsRow row = rows.get(name);
            if (row != null) {
                table.row(row.cells(noTrunc).toArray(String[]::new));
            }
        }
        table.print(out());
    }
}
