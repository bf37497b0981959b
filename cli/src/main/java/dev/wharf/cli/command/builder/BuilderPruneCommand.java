package dev.wharf.cli.command.builder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.api.client.EngineErrorException;
import dev.wharf.cli.command.EngineCommand;
import dev.wharf.cli.format.HumanUnits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wharf builder prune [-a] [-f]}: {@code POST /build/prune}, printed as docker's CLI does. */
@Command(name = "prune", mixinStandardHelpOptions = true, description = "Remove build cache.")
final class BuilderPruneCommand extends EngineCommand {
    @Option(names = {"-a", "--all"}, description = "Remove all unused build cache, not just dangling ones.")
    private boolean all;

    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation.")
    private boolean force;

    @Override
    public Integer call() throws IOException {
        if (!force && !confirmed()) {
            return 0;
        }
        try {
            JsonNode result = client().postForJson("/build/prune" + (all ? "?all=1" : ""));
            JsonNode deleted = result.path("CachesDeleted");
            if (deleted.isArray() && !deleted.isEmpty()) {
                out().println("Deleted build cache objects:");
                deleted.forEach(id -> out().println(id.asText()));
                out().println();
            }
            out().println("Total reclaimed space: " + HumanUnits.size(result.path("SpaceReclaimed").asLong(0)));
            return 0;
        } catch (EngineErrorException e) {
            return daemonError(e);
        }
    }

    private boolean confirmed() throws IOException {
        out().print(all ? "WARNING! This will remove all build cache. Are you sure you want to continue? [y/N] "
                : "WARNING! This will remove all dangling build cache. Are you sure you want to continue? [y/N] ");
        out().flush();
        String answer = new BufferedReader(new InputStreamReader(streams().in(), StandardCharsets.UTF_8)).readLine();
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    }
}
