// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Plugin names by kind, as listed by docker info. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PluginsInfo(
        @JsonProperty("Volume") List<String> volume,
        @JsonProperty("Network") List<String> network,
        @JsonProperty("Authorization") List<String> authorization,
        @JsonProperty("Log") List<String> log) {}
