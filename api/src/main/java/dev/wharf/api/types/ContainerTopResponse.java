package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** GET /containers/{id}/top: ps's column titles and one row per process of the container. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerTopResponse(
        @JsonProperty("Titles") List<String> titles,
        @JsonProperty("Processes") List<List<String>> processes) {}
