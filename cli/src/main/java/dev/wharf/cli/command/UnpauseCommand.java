package dev.wharf.cli.command;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code wharf unpause}: thaws each paused container. */
@Command(name = "unpause", mixinStandardHelpOptions = true,
        description = "Unpause all processes within one or more containers.")
public final class UnpauseCommand extends EngineCommand {

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    private List<String> containers;

    @Override
    public Integer call() throws InterruptedException {
        var client = client();
        return ContainerBatch.run(containers, true, out(), err(), client::containerUnpause);
    }
}
