package dev.wharf.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.api.ApiJson;
import dev.wharf.cli.format.HumanUnits;
import dev.wharf.cli.format.Ids;
import dev.wharf.cli.format.TemplateOutput;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wharf images}: one row per repository tag, like docker images; {@code --format} sees docker's
 * image context (ID, Repository, Tag, Digest, CreatedSince, CreatedAt, Size, Containers, SharedSize,
 * UniqueSize, VirtualSize), and the default table is that template too.
 */
@Command(name = "images", mixinStandardHelpOptions = true, description = "List images.")
public final class ImagesCommand extends EngineCommand {

    @Option(names = {"-a", "--all"}, description = "Show all images (default hides intermediate images).")
    private boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only show image IDs.")
    private boolean quiet;

    @Option(names = "--no-trunc", description = "Don't truncate output.")
    private boolean noTrunc;

    @Option(names = "--format", description = "Format output using a custom template: 'table', 'table TEMPLATE', 'json', or a Go template.")
    private String format;

    private static final String DEFAULT_FORMAT = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";
    private static final ObjectNode HEADERS = ApiJson.mapper().createObjectNode()
            .put("Containers", "CONTAINERS").put("CreatedAt", "CREATED AT").put("CreatedSince", "CREATED")
            .put("Digest", "DIGEST").put("ID", "IMAGE ID").put("Repository", "REPOSITORY")
            .put("SharedSize", "SHARED SIZE").put("Size", "SIZE").put("Tag", "TAG").put("UniqueSize", "UNIQUE SIZE")
            .put("VirtualSize", "SIZE");
    /** Go's time.Time.String() in UTC. */
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss '+0000 UTC'")
            .withZone(ZoneOffset.UTC);

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
        List<JsonNode> rows = new ArrayList<>();
        for (var image : images) {
            for (String[] repoTag : repoTags(image.repoTags(), image.repoDigests())) {
                String size = HumanUnits.size(image.size());
                rows.add(ApiJson.mapper().createObjectNode()
                        .put("Containers", image.containers() < 0 ? "N/A" : String.valueOf(image.containers()))
                        .put("CreatedAt", CREATED_AT.format(Instant.ofEpochSecond(image.created())))
                        .put("CreatedSince", HumanUnits.ago(image.created(), now))
                        .put("Digest", digest(image.repoDigests()))
                        .put("ID", id(image.id()))
                        .put("Repository", repoTag[0])
                        .put("SharedSize", image.sharedSize() < 0 ? "N/A" : HumanUnits.size(image.sharedSize()))
                        .put("Size", size)
                        .put("Tag", repoTag[1])
                        .put("UniqueSize", image.sharedSize() < 0 ? "N/A" : HumanUnits.size(image.size() - image.sharedSize()))
                        .put("VirtualSize", size));
            }
        }
        String chosen = format == null || TemplateOutput.isDefaultTable(format) ? DEFAULT_FORMAT
                : format.equals("json") ? "{{json .}}" : format;
        TemplateOutput.print(out(), chosen, rows, HEADERS, (receiver, name, args) -> null);
        return 0;
    }

    private static String digest(List<String> digests) {
        if (digests == null || digests.isEmpty() || digests.getFirst().startsWith("<none>")) {
            return "<none>";
        }
        String digest = digests.getFirst();
        return digest.substring(digest.indexOf('@') + 1);
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

    /** "repo:tag" → {repo, tag}; no tag gives &lt;none&gt;. */
    static String[] split(String repoTag) {
        int colon = repoTag.lastIndexOf(':');
        if (colon > repoTag.lastIndexOf('/')) {
            return new String[] {repoTag.substring(0, colon), repoTag.substring(colon + 1)};
        }
        return new String[] {repoTag, "<none>"};
    }
}
