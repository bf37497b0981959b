// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A blkio weight for one device. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WeightDevice(
        @JsonProperty("Path") String path,
        @JsonProperty("Weight") int weight) {}
