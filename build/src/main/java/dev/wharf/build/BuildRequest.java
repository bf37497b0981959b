package dev.wharf.build;

import dev.wharf.build.context.ContextIndex;
import dev.wharf.image.ImageReference;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One build: the spooled context, the Dockerfile (its path in the context, or its text when sent
 * separately as with {@code -f -}) and the options of {@code POST /build}.
 *
 * @param dockerfileText the Dockerfile's content when it is not a file of the context, else null
 * @param network {@code none}, {@code host} or {@code default} for RUN steps
 * @param remove false ({@code --rm=false}): the containers of successful RUN steps are kept too
 * @param sourceDateEpoch SOURCE_DATE_EPOCH: image times and the latest layer mtime, or null
 */
public record BuildRequest(
        ContextIndex context,
        String dockerfilePath,
        String dockerfileText,
        List<ImageReference> tags,
        Map<String, String> buildArgs,
        Map<String, String> labels,
        boolean noCache,
        String target,
        String network,
        boolean remove,
        boolean forceRemove,
        List<String> cacheFrom,
        Instant sourceDateEpoch) {

    public BuildRequest {
        tags = List.copyOf(tags);
        buildArgs = Map.copyOf(buildArgs);
        labels = Map.copyOf(labels);
        cacheFrom = List.copyOf(cacheFrom);
        dockerfilePath = dockerfilePath == null || dockerfilePath.isEmpty() ? "Dockerfile" : dockerfilePath;
    }
}
