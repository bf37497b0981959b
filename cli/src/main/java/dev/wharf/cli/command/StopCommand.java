package dev.wharf.cli.command;

import dev.wharf.api.client.EngineClient;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code wharf stop}: the stop signal, then SIGKILL after the timeout; all containers at once, as docker. */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop one or more running containers.")
public final class StopCommand extends ContainerBatchCommand {
    @Mixin
    private StopOptions stop;

    @Override
    protected void apply(EngineClient client, String container) throws IOException {
        client.containerStop(container, stop.signal, stop.timeout);
    }
}
