package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Reply of {@code POST /containers/prune}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerPruneResponse(
        @JsonProperty("ContainersDeleted") List<String> containersDeleted,
        @JsonProperty("SpaceReclaimed") long spaceReclaimed) {}
