// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Healthcheck state of a container. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Health(
        @JsonProperty("Status") String status,
        @JsonProperty("FailingStreak") int failingStreak,
        @JsonProperty("Log") List<HealthcheckResult> log) {}
