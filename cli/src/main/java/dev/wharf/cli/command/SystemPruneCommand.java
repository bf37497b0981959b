package dev.wharf.cli.command;

import dev.wharf.api.client.EngineErrorException;
import dev.wharf.api.types.ImagePruneResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wharf system prune [-a] [-f]}: stopped containers, then dangling (or, with {@code -a}, unused)
 * images, as docker runs the prune endpoints one after the other.
 */
@Command(name = "prune", mixinStandardHelpOptions = true, description = "Remove unused data.")
public final class SystemPruneCommand extends EngineCommand {

    @Option(names = {"-a", "--all"}, description = "Remove all unused images not just dangling ones.")
    private boolean all;

    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation.")
    private boolean force;

    @Override
    public Integer call() throws IOException {
        if (!force && !confirm()) {
            return 0;
        }
        long reclaimed = 0;
        try {
            var containers = client().postForJson("/containers/prune");
            if (!containers.path("ContainersDeleted").isEmpty()) {
                out().println("Deleted Containers:");
                containers.path("ContainersDeleted").forEach(id -> out().println(id.asText()));
                out().println();
            }
            reclaimed += containers.path("SpaceReclaimed").asLong(0);
        } catch (EngineErrorException e) {
            if (!e.isNotFound()) {
                throw e; // a daemon without container prune still prunes images
            }
        }
        ImagePruneResponse images = client().imagePrune(ImagePruneCommand.filterMap(all, List.of()));
        ImagePruneCommand.print(new ImagePruneResponse(images.imagesDeleted(), images.spaceReclaimed() + reclaimed),
                out());
        return 0;
    }

    private boolean confirm() throws IOException {
        out().println("WARNING! This will remove:");
        out().println("  - all stopped containers");
        out().println("  - all networks not used by at least one container");
        out().println(all ? "  - all images without at least one container associated to them"
                : "  - all dangling images");
        out().println("  - unused build cache");
        out().println();
        out().print("Are you sure you want to continue? [y/N] ");
        out().flush();
        String answer = new BufferedReader(new InputStreamReader(streams().in(), StandardCharsets.UTF_8)).readLine();
        return answer != null && answer.strip().equalsIgnoreCase("y");
    }
}
