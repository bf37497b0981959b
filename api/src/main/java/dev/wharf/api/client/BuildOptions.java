package dev.wharf.api.client;

import java.util.List;
import java.util.Map;

/** The query of {@code POST /build}, as the docker CLI sends it for the classic builder. */
public record BuildOptions(
        String dockerfile,
        List<String> tags,
        Map<String, String> buildArgs,
        Map<String, String> labels,
        boolean noCache,
        String target,
        boolean quiet,
        String network,
        List<String> cacheFrom,
        boolean remove,
        boolean forceRemove,
        boolean pull,
        String platform) {

    public BuildOptions {
        tags = List.copyOf(tags);
        buildArgs = Map.copyOf(buildArgs);
        labels = Map.copyOf(labels);
        cacheFrom = List.copyOf(cacheFrom);
    }
}
