// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One host binding of a container port; HostPort is a string in the API. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PortBinding(
        @JsonProperty("HostIp") String hostIp,
        @JsonProperty("HostPort") String hostPort) {}
