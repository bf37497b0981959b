package dev.wharf.cli.command;

import dev.wharf.api.client.EngineErrorException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code wharf start} without attaching: one container after the other, each error printed as it
 * happens, then docker's summary line {@code Error: failed to start containers: a, b}.
 */
@Command(name = "start", mixinStandardHelpOptions = true, description = "Start one or more stopped containers.")
public final class StartCommand extends EngineCommand {

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    private List<String> containers;

    @Override
    public Integer call() throws IOException {
        var failed = new ArrayList<String>();
        for (String container : containers) {
            try {
                client().containerStart(container);
                out().println(container);
            } catch (EngineErrorException e) {
                out().flush();
                err().println("Error response from daemon: " + e.getMessage());
                failed.add(container);
            }
        }
        if (failed.isEmpty()) {
            return 0;
        }
        err().println("Error: failed to start containers: " + String.join(", ", failed));
        return 1;
    }
}
