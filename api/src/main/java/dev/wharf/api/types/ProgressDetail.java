// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Byte counts of a progress line. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProgressDetail(
        @JsonProperty("current") @JsonInclude(JsonInclude.Include.NON_NULL) Long current,
        @JsonProperty("total") @JsonInclude(JsonInclude.Include.NON_NULL) Long total) {}
