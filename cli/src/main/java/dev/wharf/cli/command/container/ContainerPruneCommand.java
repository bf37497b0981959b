package dev.wharf.cli.command.container;

import dev.wharf.cli.command.Confirmation;
import dev.wharf.cli.command.EngineCommand;
import dev.wharf.cli.command.PsCommand;
import dev.wharf.cli.format.HumanUnits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wharf container prune}: every stopped container (filtered by until/label); asks first unless {@code -f}. */
@Command(name = "prune", mixinStandardHelpOptions = true, description = "Remove all stopped containers.")
final class ContainerPruneCommand extends EngineCommand {
    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation.")
    private boolean force;

    @Option(names = "--filter", description = "Provide filter values (e.g. \"until=<timestamp>\").")
    private List<String> filters = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        var streams = streams();
        if (!force && !Confirmation.ask(streams, "WARNING! This will remove all stopped containers.")) {
            return 0;
        }
        var result = client().containerPrune(PsCommand.parseFilters(filters));
        if (result.containersDeleted() != null && !result.containersDeleted().isEmpty()) {
            streams.out().println("Deleted Containers:");
            result.containersDeleted().forEach(streams.out()::println);
            streams.out().println();
        }
        streams.out().println("Total reclaimed space: " + HumanUnits.size(result.spaceReclaimed()));
        return 0;
    }
}
