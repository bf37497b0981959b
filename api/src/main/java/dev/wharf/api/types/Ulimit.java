// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One resource limit (setrlimit). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Ulimit(
        @JsonProperty("Name") String name,
        @JsonProperty("Soft") long soft,
        @JsonProperty("Hard") long hard) {}
