package dev.wharf.cli.command;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wharf stop}: the stop signal, then SIGKILL after the timeout; all containers at once, as docker. */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop one or more running containers.")
public final class StopCommand extends EngineCommand {

    @Option(names = {"-s", "--signal"}, description = "Signal to send to the container.")
    private String signal;

    @Option(names = {"-t", "--time", "--timeout"}, description = "Seconds to wait before killing the container.")
    private Integer timeout;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    private List<String> containers;

    @Override
    public Integer call() throws InterruptedException {
        var client = client();
        return ContainerBatch.run(containers, true, out(), err(), c -> client.containerStop(c, signal, timeout));
    }
}
