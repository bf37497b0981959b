// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** Swarm state; a non-swarm daemon reports LocalNodeState "inactive". */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SwarmInfo(
        @JsonProperty("NodeID") String nodeId,
        @JsonProperty("NodeAddr") String nodeAddr,
        @JsonProperty("LocalNodeState") String localNodeState,
        @JsonProperty("ControlAvailable") boolean controlAvailable,
        @JsonProperty("Error") String error,
        @JsonProperty("RemoteManagers") List<PeerNode> remoteManagers,
        @JsonProperty("Nodes") @JsonInclude(JsonInclude.Include.NON_NULL) Integer nodes,
        @JsonProperty("Managers") @JsonInclude(JsonInclude.Include.NON_NULL) Integer managers,
        @JsonProperty("Cluster") @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> cluster) {
    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder; non-optional strings start as "" because Docker always emits them. */
    public static final class Builder {
        private String nodeId = "";
        private String nodeAddr = "";
        private String localNodeState = "";
        private boolean controlAvailable;
        private String error = "";
        private List<PeerNode> remoteManagers;
        private Integer nodes;
        private Integer managers;
        private Map<String, Object> cluster;

        private Builder() {}

        public Builder nodeId(String nodeId) {
            this.nodeId = nodeId;
            return this;
        }

        public Builder nodeAddr(String nodeAddr) {
            this.nodeAddr = nodeAddr;
            return this;
        }

        public Builder localNodeState(String localNodeState) {
            this.localNodeState = localNodeState;
            return this;
        }

        public Builder controlAvailable(boolean controlAvailable) {
            this.controlAvailable = controlAvailable;
            return this;
        }

        public Builder error(String error) {
            this.error = error;
            return this;
        }

        public Builder remoteManagers(List<PeerNode> remoteManagers) {
            this.remoteManagers = remoteManagers;
            return this;
        }

        public Builder nodes(Integer nodes) {
            this.nodes = nodes;
            return this;
        }

        public Builder managers(Integer managers) {
            this.managers = managers;
            return this;
        }

        public Builder cluster(Map<String, Object> cluster) {
            this.cluster = cluster;
            return this;
        }

        public SwarmInfo build() {
            return new SwarmInfo(nodeId, nodeAddr, localNodeState, controlAvailable, error, remoteManagers, nodes, managers, cluster);
        }
    }
}
