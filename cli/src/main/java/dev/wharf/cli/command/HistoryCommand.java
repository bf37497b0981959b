package dev.wharf.cli.command;

import dev.wharf.api.types.HistoryItem;
import dev.wharf.cli.format.HumanUnits;
import dev.wharf.cli.format.TableWriter;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wharf history IMAGE}: docker's table, CREATED BY cut at 45 characters unless {@code --no-trunc}. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "Show the history of an image.")
public final class HistoryCommand extends EngineCommand {
    private static final int CREATED_BY_WIDTH = 45;

    @Option(names = {"-q", "--quiet"}, description = "Only show image IDs.")
    private boolean quiet;

    @Option(names = "--no-trunc", description = "Don't truncate output.")
    private boolean noTrunc;

    @Option(names = {"-H", "--human"}, arity = "1", description = "Print sizes and dates in human readable format.")
    private boolean human = true;

    @Parameters(index = "0", paramLabel = "IMAGE")
    private String image;

    @Override
    public Integer call() throws IOException {
        var items = client().imageHistory(image);
        if (quiet) {
            items.forEach(i -> out().println(id(i)));
            return 0;
        }
        long now = System.currentTimeMillis();
        var table = new TableWriter().row("IMAGE", "CREATED", "CREATED BY", "SIZE", "COMMENT");
        for (HistoryItem item : items) {
            String createdBy = item.createdBy().replace("\t", " ");
            if (!noTrunc && createdBy.codePointCount(0, createdBy.length()) > CREATED_BY_WIDTH) {
                createdBy = createdBy.substring(0, createdBy.offsetByCodePoints(0, CREATED_BY_WIDTH - 1)) + "…";
            }
            table.row(id(item), human ? HumanUnits.ago(item.created(), now) : String.valueOf(item.created()), createdBy,
                    human ? HumanUnits.size(item.size()) : String.valueOf(item.size()), item.comment());
        }
        table.print(out());
        return 0;
    }

    private String id(HistoryItem item) {
        String id = item.id();
        if (noTrunc || !id.startsWith("sha256:")) {
            return id;
        }
        return id.substring("sha256:".length(), "sha256:".length() + 12);
    }
}
