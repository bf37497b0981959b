package dev.wharf.cli.command;

import dev.wharf.api.client.EngineClient;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wharf rm}: removes every container at once, prints each removed name as given. */
@Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove one or more containers.")
public final class RmCommand extends ContainerBatchCommand {

    @Option(names = {"-f", "--force"}, description = "Force the removal of a running container (uses SIGKILL).")
    private boolean force;

    @Option(names = {"-v", "--volumes"}, description = "Remove anonymous volumes associated with the container.")
    private boolean volumes;

    @Override
    protected void apply(EngineClient client, String container) throws IOException {
        client.containerRemove(container, force, volumes);
    }
}
