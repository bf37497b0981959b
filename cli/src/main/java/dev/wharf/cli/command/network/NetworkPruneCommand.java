package dev.wharf.cli.command.network;

import dev.wharf.api.client.EngineErrorException;
import dev.wharf.cli.command.EngineCommand;
import dev.wharf.cli.command.PsCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wharf network prune}: custom networks without containers; asks first unless {@code -f}. */
@Command(name = "prune", mixinStandardHelpOptions = true, description = "Remove all unused networks.")
final class NetworkPruneCommand extends EngineCommand {
    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation.")
    private boolean force;

    @Option(names = "--filter", description = "Provide filter values (e.g. \"until=<timestamp>\").")
    private List<String> filters = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (!force && !confirmed()) {
            return 0;
        }
        try {
            var result = client().networkPrune(PsCommand.parseFilters(filters));
            if (result.networksDeleted() != null && !result.networksDeleted().isEmpty()) {
                out().println("Deleted Networks:");
                result.networksDeleted().forEach(out()::println);
                out().println();
            }
            return 0;
        } catch (EngineErrorException e) {
            return daemonError(e);
        }
    }

    private boolean confirmed() throws IOException {
        out().print("WARNING! This will remove all custom networks not used by at least one container.\n"
                + "Are you sure you want to continue? [y/N] ");
        out().flush();
        String answer = new BufferedReader(new InputStreamReader(streams().in(), StandardCharsets.UTF_8)).readLine();
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    }
}
