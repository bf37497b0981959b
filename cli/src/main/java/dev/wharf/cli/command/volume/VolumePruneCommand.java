package dev.wharf.cli.command.volume;

import dev.wharf.api.client.EngineErrorException;
import dev.wharf.cli.command.Confirmation;
import dev.wharf.cli.command.EngineCommand;
import dev.wharf.cli.command.PsCommand;
import dev.wharf.cli.format.HumanUnits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wharf volume prune}: unused anonymous volumes, all unused ones with {@code -a}; asks first unless {@code -f}. */
@Command(name = "prune", mixinStandardHelpOptions = true, description = "Remove unused local volumes.")
final class VolumePruneCommand extends EngineCommand {
    @Option(names = {"-a", "--all"}, description = "Remove all unused volumes, not just anonymous ones.")
    private boolean all;

    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation.")
    private boolean force;

    @Option(names = "--filter", description = "Provide filter values (e.g. \"label=<label>\").")
    private List<String> filters = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (!force && !confirmed()) {
            return 0;
        }
        var query = new java.util.LinkedHashMap<>(PsCommand.parseFilters(filters));
        if (all) {
            query.put("all", List.of("true"));
        }
        try {
            var result = client().volumePrune(query);
            if (result.volumesDeleted() != null && !result.volumesDeleted().isEmpty()) {
                out().println("Deleted Volumes:");
                result.volumesDeleted().forEach(out()::println);
                out().println();
            }
            out().println("Total reclaimed space: " + HumanUnits.size(result.spaceReclaimed()));
            return 0;
        } catch (EngineErrorException e) {
            return daemonError(e);
        }
    }

    private boolean confirmed() throws IOException {
        return Confirmation.ask(streams(), "WARNING! This will remove " + (all ? "all" : "anonymous")
                + " local volumes not used by at least one container.");
    }
}
