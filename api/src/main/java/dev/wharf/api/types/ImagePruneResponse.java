package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The reply to {@code POST /images/prune}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImagePruneResponse(
        @JsonProperty("ImagesDeleted") List<ImageDeleteResponseItem> imagesDeleted,
        @JsonProperty("SpaceReclaimed") long spaceReclaimed) {}
