package dev.wharf.cli.command;

import dev.wharf.api.client.EngineErrorException;
import dev.wharf.cli.format.TableWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code wharf top CONTAINER [ps OPTIONS]}: the daemon runs ps; the table is docker's (20 wide columns). */
@Command(name = "top", mixinStandardHelpOptions = true, description = "Display the running processes of a container.")
public final class TopCommand extends EngineCommand {
    private static final int COLUMN_WIDTH = 20;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    private String container;

    @Parameters(index = "1..*", paramLabel = "ps OPTIONS", arity = "0..*")
    private List<String> psOptions = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        try {
            var top = client().containerTop(container, psOptions.isEmpty() ? null : String.join(" ", psOptions));
            var table = new TableWriter(COLUMN_WIDTH).row(top.titles().toArray(String[]::new));
            top.processes().forEach(process -> table.row(process.toArray(String[]::new)));
            table.print(out());
            return 0;
        } catch (EngineErrorException e) {
            return daemonError(e);
        }
    }
}
