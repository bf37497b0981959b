package dev.wharf.cli.command;

import dev.wharf.api.client.EngineErrorException;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code wharf wait}: blocks until each container stops, printing its exit code (condition not-running). */
@Command(name = "wait", mixinStandardHelpOptions = true,
        description = "Block until one or more containers stop, then print their exit codes.")
public final class WaitCommand extends EngineCommand {

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    private List<String> containers;

    @Override
    public Integer call() throws IOException, InterruptedException {
        int exitCode = 0;
        for (String container : containers) {
            try (var wait = client().containerWait(container, "not-running")) {
                out().println(wait.await().statusCode());
            } catch (EngineErrorException e) {
                exitCode = daemonError(e);
            }
        }
        return exitCode;
    }
}
