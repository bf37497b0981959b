// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Logging driver and its options. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LogConfig(
        @JsonProperty("Type") String type,
        @JsonProperty("Config") Map<String, String> config) {}
