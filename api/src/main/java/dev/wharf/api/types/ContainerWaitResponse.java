// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Reply of POST /containers/{id}/wait; Docker always writes "Error" (null on success) before StatusCode. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerWaitResponse(
        @JsonProperty("Error") WaitError error,
        @JsonProperty("StatusCode") long statusCode) {}
