// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A swarm manager peer. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PeerNode(
        @JsonProperty("NodeID") String nodeId,
        @JsonProperty("Addr") String addr) {}
