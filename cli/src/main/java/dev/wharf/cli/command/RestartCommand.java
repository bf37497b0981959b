package dev.wharf.cli.command;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wharf restart}: stop (signal, timeout) and start, one container after the other, as docker. */
@Command(name = "restart", mixinStandardHelpOptions = true, description = "Restart one or more containers.")
public final class RestartCommand extends EngineCommand {

    @Option(names = {"-s", "--signal"}, description = "Signal to send to the container.")
    private String signal;

    @Option(names = {"-t", "--time", "--timeout"}, description = "Seconds to wait before killing the container.")
    private Integer timeout;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    private List<String> containers;

    @Override
    public Integer call() throws InterruptedException {
        var client = client();
        return ContainerBatch.run(containers, false, out(), err(), c -> client.containerRestart(c, signal, timeout));
    }
}
