package dev.wharf.cli.command;

import dev.wharf.cli.format.HumanUnits;
import dev.wharf.cli.format.Ids;
import dev.wharf.cli.format.TableWriter;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wharf images}: one row per repository tag, like docker images. */
@Command(name = "images", mixinStandardHelpOptions = true, description = "List images.")
public final class ImagesCommand extends EngineCommand {

    @Option(names = {"-a", "--all"}, description = "Show all images (default hides intermediate images).")
    private boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only show image IDs.")
    private boolean quiet;

    @Option(names = "--no-trunc", description = "Don't truncate output.")
    private boolean noTrunc;

    @Parameters(index = "0", arity = "0..1", paramLabel = "REPOSITORY[:TAG]")
    private String repository;

    @Override
    public Integer call() throws IOException {
        var filters = repository == null ? Map.<String, List<String>>of() : Map.of("reference", List.of(repository));
        var images = client().imageList(all, filters);
        if (quiet) {
            var ids = new LinkedHashSet<String>();
            images.forEach(i -> ids.add(id(i.id())));
            ids.forEach(out()::println);
            return 0;
        }
        long now = System.currentTimeMillis();
        var table = new TableWriter().row("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE");
        for (var image : images) {
            String created = HumanUnits.ago(image.created(), now);
            String size = HumanUnits.size(image.size());
            for (String[] repoTag : repoTags(image.repoTags(), image.repoDigests())) {
                table.row(repoTag[0], repoTag[1], id(image.id()), created, size);
            }
        }
        table.print(out());
        return 0;
    }

    private String id(String id) {
        return noTrunc ? id : Ids.shortId(id);
    }

    /** "repo:tag" pairs; untagged images show their digest's repository, or &lt;none&gt;. */
    private static List<String[]> repoTags(List<String> tags, List<String> digests) {
        if (tags != null && !tags.isEmpty()) {
            return tags.stream().map(ImagesCommand::split).toList();
        }
        if (digests != null && !digests.isEmpty() && !digests.getFirst().startsWith("<none>")) {
            String digest = digests.getFirst();
            return List.<String[]>of(new String[] {digest.substring(0, Math.max(0, digest.indexOf('@'))), "<none>"});
        }
        return List.<String[]>of(new String[] {"<none>", "<none>"});
    }

    private static String[] split(String repoTag) {
        int colon = repoTag.lastIndexOf(':');
        if (colon > repoTag.lastIndexOf('/')) {
            return new String[] {repoTag.substring(0, colon), repoTag.substring(colon + 1)};
        }
        return new String[] {repoTag, "<none>"};
    }
}
