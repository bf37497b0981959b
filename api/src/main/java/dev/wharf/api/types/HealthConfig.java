// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A container healthcheck; durations are nanoseconds; zeros (unset) are left out, as Go's omitempty does. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HealthConfig(
        @JsonProperty("Test") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> test,
        @JsonProperty("Interval") @JsonInclude(JsonInclude.Include.NON_DEFAULT) Long interval,
        @JsonProperty("Timeout") @JsonInclude(JsonInclude.Include.NON_DEFAULT) Long timeout,
        @JsonProperty("Retries") @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer retries,
        @JsonProperty("StartPeriod") @JsonInclude(JsonInclude.Include.NON_DEFAULT) Long startPeriod,
        @JsonProperty("StartInterval") @JsonInclude(JsonInclude.Include.NON_DEFAULT) Long startInterval) {
}
