package dev.wharf.cli.command;

import dev.wharf.api.client.EngineClient;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wharf kill}: a signal (default the daemon's, SIGKILL) to each container. */
@Command(name = "kill", mixinStandardHelpOptions = true, description = "Kill one or more running containers.")
public final class KillCommand extends ContainerBatchCommand {
    @Option(names = {"-s", "--signal"}, description = "Signal to send to the container.")
    private String signal;

    @Override
    protected void apply(EngineClient client, String container) throws IOException {
        client.containerKill(container, signal == null || signal.isEmpty() ? null : signal);
    }
}
