package dev.wharf.cli.command;

import dev.wharf.api.client.EngineErrorException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.wharf.api.types.ImagePruneResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wharf system prune [-a] [-f] [--volumes]}: as docker's CLI, the prune endpoints one after the other —
 * stopped containers, unused networks, (anonymous) volumes with {@code --volumes}, dangling (or, with
 * {@code -a}, unused) images, the build cache — each printing what it deleted, then the total reclaimed.
 */
@Command(name = "prune", mixinStandardHelpOptions = true, description = "Remove unused data.")
public final class SystemPruneCommand extends EngineCommand {

    @Option(names = {"-a", "--all"}, description = "Remove all unused images not just dangling ones.")
    private boolean all;

    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation.")
    private boolean force;

    @Option(names = "--volumes", description = "Prune anonymous volumes.")
    private boolean volumes;

    @Override
    public Integer call() throws IOException {
        if (!force && !confirm()) {
            return 0;
        }
        long reclaimed = 0;
        JsonNode containers = pruneIfSupported("/containers/prune");
        printDeleted("Deleted Containers:", containers.path("ContainersDeleted"));
        reclaimed += containers.path("SpaceReclaimed").asLong(0);
        printDeleted("Deleted Networks:", pruneIfSupported("/networks/prune").path("NetworksDeleted"));
        if (volumes) {
            JsonNode deleted = pruneIfSupported("/volumes/prune");
            printDeleted("Deleted Volumes:", deleted.path("VolumesDeleted"));
            reclaimed += deleted.path("SpaceReclaimed").asLong(0);
        }
        ImagePruneResponse images = client().imagePrune(ImagePruneCommand.filterMap(all, List.of()));
        ImagePruneCommand.printDeleted(images, out());
        reclaimed += images.spaceReclaimed();
        JsonNode cache = pruneIfSupported("/build/prune" + (all ? "?all=1" : ""));
        printDeleted("Deleted build cache objects:", cache.path("CachesDeleted"));
        reclaimed += cache.path("SpaceReclaimed").asLong(0);
        ImagePruneCommand.printTotal(reclaimed, out());
        return 0;
    }

    /** The prune's reply, or nothing when the daemon has no such endpoint (docker skips it too). */
    private JsonNode pruneIfSupported(String path) throws IOException {
        try {
            return client().postForJson(path);
        } catch (EngineErrorException e) {
            if (!e.isNotFound()) {
                throw e;
            }
            return MissingNode.getInstance();
        }
    }

    private void printDeleted(String heading, JsonNode items) {
        if (items.isArray() && !items.isEmpty()) {
            out().println(heading);
            items.forEach(item -> out().println(item.asText()));
            out().println();
        }
    }

    private boolean confirm() throws IOException {
        out().println("WARNING! This will remove:");
        out().println("  - all stopped containers");
        out().println("  - all networks not used by at least one container");
        if (volumes) {
            out().println("  - all anonymous volumes not used by at least one container");
        }
        out().println(all ? "  - all images without at least one container associated to them"
                : "  - all dangling images");
        out().println(all ? "  - all build cache" : "  - unused build cache");
        out().println();
        out().print("Are you sure you want to continue? [y/N] ");
        out().flush();
        String answer = new BufferedReader(new InputStreamReader(streams().in(), StandardCharsets.UTF_8)).readLine();
        return answer != null && answer.strip().equalsIgnoreCase("y");
    }
}
