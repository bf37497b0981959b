// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Reply of POST /containers/create. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerCreateResponse(
        @JsonProperty("Id") String id,
        @JsonProperty("Warnings") List<String> warnings) {}
