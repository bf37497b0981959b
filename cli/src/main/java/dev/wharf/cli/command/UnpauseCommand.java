package dev.wharf.cli.command;

import dev.wharf.api.client.EngineClient;
import java.io.IOException;
import picocli.CommandLine.Command;

/** {@code wharf unpause}: thaws each paused container. */
@Command(name = "unpause", mixinStandardHelpOptions = true,
        description = "Unpause all processes within one or more containers.")
public final class UnpauseCommand extends ContainerBatchCommand {
    @Override
    protected void apply(EngineClient client, String container) throws IOException {
        client.containerUnpause(container);
    }
}
