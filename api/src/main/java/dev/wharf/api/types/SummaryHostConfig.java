// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The HostConfig subset shown by docker ps. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SummaryHostConfig(
        @JsonProperty("NetworkMode") String networkMode,
        @JsonProperty("Annotations") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> annotations) {}
