// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Product name of the server. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlatformInfo(
        @JsonProperty("Name") String name) {}
