package dev.wharf.cli.command;

import java.util.List;
import picocli.CommandLine.Parameters;

/** A {@link BatchCommand} over containers. */
abstract class ContainerBatchCommand extends BatchCommand {
    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    private List<String> containers;

    @Override
    protected List<String> targets() {
        return containers;
    }
}
