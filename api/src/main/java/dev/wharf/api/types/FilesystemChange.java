package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of {@code GET /containers/{id}/changes}; {@code Kind} 0 modified, 1 added, 2 deleted. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FilesystemChange(
        @JsonProperty("Path") String path,
        @JsonProperty("Kind") int kind) {}
