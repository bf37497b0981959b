// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One healthcheck probe. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HealthcheckResult(
        @JsonProperty("Start") String start,
        @JsonProperty("End") String end,
        @JsonProperty("ExitCode") int exitCode,
        @JsonProperty("Output") String output) {}
