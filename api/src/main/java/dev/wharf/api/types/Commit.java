// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Commit of a bundled component (containerd, runc, init). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Commit(
        @JsonProperty("ID") String id,
        @JsonProperty("Expected") String expected) {}
