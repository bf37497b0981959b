// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** When the daemon restarts a container: "no", "always", "unless-stopped", "on-failure". */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RestartPolicy(
        @JsonProperty("Name") String name,
        @JsonProperty("MaximumRetryCount") int maximumRetryCount) {}
