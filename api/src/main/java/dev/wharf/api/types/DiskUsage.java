package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The reply to {@code GET /system/df}; the build cache is kept as raw JSON (its owner fills it). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DiskUsage(
        @JsonProperty("LayersSize") long layersSize,
        @JsonProperty("Images") List<ImageSummary> images,
        @JsonProperty("Containers") List<ContainerSummary> containers,
        @JsonProperty("Volumes") List<Volume> volumes,
        @JsonProperty("BuildCache") List<JsonNode> buildCache,
        @JsonProperty("BuilderSize") long builderSize) {}
