package dev.wharf.cli.command;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code wharf pause}: freezes every process of each container. */
@Command(name = "pause", mixinStandardHelpOptions = true,
        description = "Pause all processes within one or more containers.")
public final class PauseCommand extends EngineCommand {

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    private List<String> containers;

    @Override
    public Integer call() throws InterruptedException {
        var client = client();
        return ContainerBatch.run(containers, true, out(), err(), client::containerPause);
    }
}
