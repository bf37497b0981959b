package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** GET /volumes: an object, not a bare array. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VolumeListResponse(
        @JsonProperty("Volumes") List<Volume> volumes,
        @JsonProperty("Warnings") List<String> warnings) {}
