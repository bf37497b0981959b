package dev.wharf.cli.command;

import dev.wharf.api.format.ProgressBar;
import dev.wharf.api.types.ContainerSummary;
import dev.wharf.api.types.DiskUsage;
import dev.wharf.api.types.ImageSummary;
import dev.wharf.api.types.Volume;
import dev.wharf.cli.format.GoQuote;
import dev.wharf.cli.format.HumanUnits;
import dev.wharf.cli.format.Ids;
import dev.wharf.cli.format.TableWriter;
import java.io.IOException;
import java.util.List;
import java.util.function.ToLongFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wharf system df}: docker's summary table (images, containers, local volumes, build cache), or
 * with {@code -v} docker's four space-usage sections.
 */
@Command(name = "df", mixinStandardHelpOptions = true, description = "Show docker disk usage.")
public final class SystemDfCommand extends EngineCommand {

    @Option(names = {"-v", "--verbose"}, description = "Show detailed information on space usage.")
    private boolean verbose;

    @Override
    public Integer call() throws IOException {
        DiskUsage usage = client().systemDf();
        if (verbose) {
            printVerbose(usage);
            return 0;
        }
        long imagesActive = usage.images().stream().filter(i -> i.containers() > 0).count();
        // docker's count: what images in use hold beyond their shared layers; unknown shares count as unused
        long imagesUsed = usage.images().stream()
                .filter(i -> i.containers() != 0 && i.sharedSize() != -1 && !Long.valueOf(-1).equals(i.virtualSize()))
                .mapToLong(i -> i.size() - i.sharedSize()).sum();
        long imagesReclaimable = usage.layersSize() - imagesUsed;
        long containersActive = usage.containers().stream().filter(SystemDfCommand::active).count();
        long containersSize = usage.containers().stream().mapToLong(c -> c.sizeRw() == null ? 0 : c.sizeRw()).sum();
        long containersReclaimable = usage.containers().stream().filter(c -> !active(c))
                .mapToLong(c -> c.sizeRw() == null ? 0 : c.sizeRw()).sum();
        List<Volume> volumes = usage.volumes();
        long volumesActive = volumes.stream().filter(v -> v.usageData() != null && v.usageData().refCount() > 0).count();
        long volumesSize = sum(volumes, v -> v.usageData().size());
        long volumesReclaimable = sum(volumes, v -> v.usageData().refCount() == 0 ? v.usageData().size() : 0);
        new TableWriter()
                .row("TYPE", "TOTAL", "ACTIVE", "SIZE", "RECLAIMABLE")
                .row("Images", String.valueOf(usage.images().size()), String.valueOf(imagesActive),
                        ProgressBar.humanSize(usage.layersSize()), reclaimable(imagesReclaimable, usage.layersSize()))
                .row("Containers", String.valueOf(usage.containers().size()), String.valueOf(containersActive),
                        ProgressBar.humanSize(containersSize), reclaimable(containersReclaimable, containersSize))
                .row("Local Volumes", String.valueOf(volumes.size()), String.valueOf(volumesActive),
                        ProgressBar.humanSize(volumesSize), reclaimable(volumesReclaimable, volumesSize))
                .row("Build Cache", String.valueOf(usage.buildCache().size()), "0", "0B", "0B")
                .print(out());
        return 0;
    }

    /** docker's {@code system df -v}: one table per kind, each with its header even when empty. */
    private void printVerbose(DiskUsage usage) {
        long now = System.currentTimeMillis();
        out().print("Images space usage:\n\n");
        var images = new TableWriter().row("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE", "SHARED SIZE",
                "UNIQUE SIZE", "CONTAINERS");
        for (ImageSummary i : usage.images()) {
            String[] repoTag = i.repoTags() == null || i.repoTags().isEmpty() || i.repoTags().getFirst().startsWith("<none>")
                    ? new String[] {"<none>", "<none>"} : ImagesCommand.split(i.repoTags().getFirst());
            boolean noShared = i.sharedSize() < 0;
            images.row(repoTag[0], repoTag[1], Ids.shortId(i.id()), HumanUnits.ago(i.created(), now),
                    HumanUnits.size(i.size()), noShared ? "N/A" : HumanUnits.size(i.sharedSize()),
                    noShared ? "N/A" : HumanUnits.size(i.size() - i.sharedSize()),
                    i.containers() < 0 ? "N/A" : String.valueOf(i.containers()));
        }
        images.print(out());

        out().print("\nContainers space usage:\n\n");
        var containers = new TableWriter().row("CONTAINER ID", "IMAGE", "COMMAND", "LOCAL VOLUMES", "SIZE", "CREATED",
                "STATUS", "NAMES");
        for (ContainerSummary c : usage.containers()) {
            long volumes = c.mounts() == null ? 0 : c.mounts().stream().filter(m -> "volume".equals(m.type())).count();
            containers.row(Ids.shortId(c.id()), c.image() == null ? "" : c.image(),
                    GoQuote.quote(GoQuote.ellipsis(c.command() == null ? "" : c.command(), 20)), String.valueOf(volumes),
                    HumanUnits.size(c.sizeRw() == null ? 0 : c.sizeRw()), // docker leaves the virtual size out here
                    HumanUnits.ago(c.created(), now), c.status() == null ? "" : c.status(),
                    PsCommand.names(c));
        }
        containers.print(out());

        out().print("\nLocal Volumes space usage:\n\n");
        var volumes = new TableWriter().row("VOLUME NAME", "LINKS", "SIZE");
        for (Volume v : usage.volumes()) {
            var data = v.usageData();
            volumes.row(v.name(), data == null ? "N/A" : String.valueOf(data.refCount()),
                    data == null || data.size() < 0 ? "N/A" : ProgressBar.humanSize(data.size()));
        }
        volumes.print(out());

        out().print("\nBuild cache usage: " + ProgressBar.humanSize(usage.builderSize()) + "\n\n");
        new TableWriter().row("CACHE ID", "CACHE TYPE", "SIZE", "CREATED", "LAST USED", "USAGE", "SHARED").print(out());
    }

    /** The volumes' sizes the engine could measure (docker skips the -1 of other drivers). */
    private static long sum(List<Volume> volumes, ToLongFunction<Volume> bytes) {
        return volumes.stream().filter(v -> v.usageData() != null && v.usageData().size() >= 0).mapToLong(bytes).sum();
    }

    /** docker's "66.12MB (93%)", or only the size when there is nothing at all. */
    private static String reclaimable(long bytes, long total) {
        return total > 0 ? ProgressBar.humanSize(bytes) + " (" + bytes * 100 / total + "%)" : ProgressBar.humanSize(bytes);
    }

    /** docker's isActive: a container that holds its writable layer in use. */
    private static boolean active(ContainerSummary c) {
        String state = c.state() == null ? "" : c.state();
        return state.contains("running") || state.contains("paused") || state.contains("restarting");
    }
}
