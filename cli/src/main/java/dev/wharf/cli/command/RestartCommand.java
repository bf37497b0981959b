package dev.wharf.cli.command;

import dev.wharf.api.client.EngineClient;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code wharf restart}: stop (signal, timeout) and start, one container after the other, as docker. */
@Command(name = "restart", mixinStandardHelpOptions = true, description = "Restart one or more containers.")
public final class RestartCommand extends ContainerBatchCommand {
    @Mixin
    private StopOptions stop;

    @Override
    protected boolean parallel() {
        return false;
    }

    @Override
    protected void apply(EngineClient client, String container) throws IOException {
        client.containerRestart(container, stop.signal, stop.timeout);
    }
}
