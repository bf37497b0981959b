package dev.wharf.cli.command;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wharf kill}: a signal (default the daemon's, SIGKILL) to each container. */
@Command(name = "kill", mixinStandardHelpOptions = true, description = "Kill one or more running containers.")
public final class KillCommand extends EngineCommand {

    @Option(names = {"-s", "--signal"}, description = "Signal to send to the container.")
    private String signal;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    private List<String> containers;

    @Override
    public Integer call() throws InterruptedException {
        var client = client();
        String sent = signal == null || signal.isEmpty() ? null : signal;
        return ContainerBatch.run(containers, true, out(), err(), c -> client.containerKill(c, sent));
    }
}
