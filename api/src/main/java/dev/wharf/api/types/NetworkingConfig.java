// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Networks to connect at create time, by network name. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NetworkingConfig(
        @JsonProperty("EndpointsConfig") Map<String, EndpointSettings> endpointsConfig) {}
