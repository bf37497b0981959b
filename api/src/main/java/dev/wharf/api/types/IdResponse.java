// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A reply carrying only the ID of a created object. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IdResponse(
        @JsonProperty("Id") String id) {}
