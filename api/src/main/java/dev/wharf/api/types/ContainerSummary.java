// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** One entry of GET /containers/json (docker ps). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerSummary(
        @JsonProperty("Id") String id,
        @JsonProperty("Names") List<String> names,
        @JsonProperty("Image") String image,
        @JsonProperty("ImageID") String imageId,
        @JsonProperty("Command") String command,
        @JsonProperty("Created") long created,
        @JsonProperty("Ports") List<Port> ports,
        @JsonProperty("SizeRw") @JsonInclude(JsonInclude.Include.NON_NULL) Long sizeRw,
        @JsonProperty("SizeRootFs") @JsonInclude(JsonInclude.Include.NON_NULL) Long sizeRootFs,
        @JsonProperty("Labels") Map<String, String> labels,
        @JsonProperty("State") String state,
        @JsonProperty("Status") String status,
        @JsonProperty("HostConfig") SummaryHostConfig hostConfig,
        @JsonProperty("NetworkSettings") SummaryNetworkSettings networkSettings,
        @JsonProperty("Mounts") List<MountPoint> mounts) {
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.names = names;
        b.image = image;
        b.imageId = imageId;
        b.command = command;
        b.created = created;
        b.ports = ports;
        b.sizeRw = sizeRw;
        b.sizeRootFs = sizeRootFs;
        b.labels = labels;
        b.state = state;
        b.status = status;
        b.hostConfig = hostConfig;
        b.networkSettings = networkSettings;
        b.mounts = mounts;
        return b;
    }

    /** Fluent builder; non-optional strings start as "" because Docker always emits them. */
    public static final class Builder {
        private String id = "";
        private List<String> names;
        private String image = "";
        private String imageId = "";
        private String command = "";
        private long created;
        private List<Port> ports;
        private Long sizeRw;
        private Long sizeRootFs;
        private Map<String, String> labels;
        private String state = "";
        private String status = "";
        private SummaryHostConfig hostConfig;
        private SummaryNetworkSettings networkSettings;
        private List<MountPoint> mounts;

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder names(List<String> names) {
            this.names = names;
            return this;
        }

        public Builder image(String image) {
            this.image = image;
            return this;
        }

        public Builder imageId(String imageId) {
            this.imageId = imageId;
            return this;
        }

        public Builder command(String command) {
            this.command = command;
            return this;
        }

        public Builder created(long created) {
            this.created = created;
            return this;
        }

        public Builder ports(List<Port> ports) {
            this.ports = ports;
            return this;
        }

        public Builder sizeRw(Long sizeRw) {
            this.sizeRw = sizeRw;
            return this;
        }

        public Builder sizeRootFs(Long sizeRootFs) {
            this.sizeRootFs = sizeRootFs;
            return this;
        }

        public Builder labels(Map<String, String> labels) {
            this.labels = labels;
            return this;
        }

        public Builder state(String state) {
            this.state = state;
            return this;
        }

        public Builder status(String status) {
            this.status = status;
            return this;
        }

        public Builder hostConfig(SummaryHostConfig hostConfig) {
            this.hostConfig = hostConfig;
            return this;
        }

        public Builder networkSettings(SummaryNetworkSettings networkSettings) {
            this.networkSettings = networkSettings;
            return this;
        }

        public Builder mounts(List<MountPoint> mounts) {
            this.mounts = mounts;
            return this;
        }


        public ContainerSummary build() {
            return new ContainerSummary(id, names, image, imageId, command, created, ports, sizeRw, sizeRootFs, labels, state, status, hostConfig, networkSettings, mounts);
        }
    }
}
