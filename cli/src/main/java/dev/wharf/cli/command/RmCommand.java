package dev.wharf.cli.command;

import dev.wharf.api.client.EngineErrorException;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wharf rm}: tries every container, prints each removed name as given. */
@Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove one or more containers.")
public final class RmCommand extends EngineCommand {

    @Option(names = {"-f", "--force"}, description = "Force the removal of a running container (uses SIGKILL).")
    private boolean force;

    @Option(names = {"-v", "--volumes"}, description = "Remove anonymous volumes associated with the container.")
    private boolean volumes;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    private List<String> containers;

    @Override
    public Integer call() throws IOException {
        int exitCode = 0;
        for (String container : containers) {
            try {
                client().containerRemove(container, force, volumes);
                out().println(container);
            } catch (EngineErrorException e) {
                exitCode = daemonError(e);
            }
        }
        return exitCode;
    }
}
