package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** POST /containers/{id}/update's reply. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerUpdateResponse(@JsonProperty("Warnings") List<String> warnings) {}
