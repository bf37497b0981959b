// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The NetworkSettings subset shown by docker ps. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SummaryNetworkSettings(
        @JsonProperty("Networks") Map<String, EndpointSettings> networks) {}
