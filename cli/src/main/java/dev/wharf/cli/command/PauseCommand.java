package dev.wharf.cli.command;

import dev.wharf.api.client.EngineClient;
import java.io.IOException;
import picocli.CommandLine.Command;

/** {@code wharf pause}: freezes every process of each container. */
@Command(name = "pause", mixinStandardHelpOptions = true,
        description = "Pause all processes within one or more containers.")
public final class PauseCommand extends ContainerBatchCommand {
    @Override
    protected void apply(EngineClient client, String container) throws IOException {
        client.containerPause(container);
    }
}
