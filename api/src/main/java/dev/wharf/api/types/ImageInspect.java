// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Reply of GET /images/{name}/json; Created is RFC 3339. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageInspect(
        @JsonProperty("Id") String id,
        @JsonProperty("RepoTags") List<String> repoTags,
        @JsonProperty("RepoDigests") List<String> repoDigests,
        @JsonProperty("Parent") String parent,
        @JsonProperty("Comment") String comment,
        @JsonProperty("Created") String created,
        @JsonProperty("Container") @JsonInclude(JsonInclude.Include.NON_NULL) String container,
        @JsonProperty("ContainerConfig") @JsonInclude(JsonInclude.Include.NON_NULL) ContainerConfig containerConfig,
        @JsonProperty("DockerVersion") String dockerVersion,
        @JsonProperty("Author") String author,
        @JsonProperty("Config") ContainerConfig config,
        @JsonProperty("Architecture") String architecture,
        @JsonProperty("Variant") @JsonInclude(JsonInclude.Include.NON_EMPTY) String variant,
        @JsonProperty("Os") String os,
        @JsonProperty("OsVersion") @JsonInclude(JsonInclude.Include.NON_EMPTY) String osVersion,
        @JsonProperty("Size") long size,
        @JsonProperty("VirtualSize") @JsonInclude(JsonInclude.Include.NON_NULL) Long virtualSize,
        @JsonProperty("GraphDriver") GraphDriver graphDriver,
        @JsonProperty("RootFS") RootFs rootFs,
        @JsonProperty("Metadata") ImageMetadata metadata) {
    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder; non-optional strings start as "" because Docker always emits them. */
    public static final class Builder {
        private String id = "";
        private List<String> repoTags;
        private List<String> repoDigests;
        private String parent = "";
        private String comment = "";
        private String created = "";
        private String container;
        private ContainerConfig containerConfig;
        private String dockerVersion = "";
        private String author = "";
        private ContainerConfig config;
        private String architecture = "";
        private String variant;
        private String os = "";
        private String osVersion;
        private long size;
        private Long virtualSize;
        private GraphDriver graphDriver;
        private RootFs rootFs;
        private ImageMetadata metadata;

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder repoTags(List<String> repoTags) {
            this.repoTags = repoTags;
            return this;
        }

        public Builder repoDigests(List<String> repoDigests) {
            this.repoDigests = repoDigests;
            return this;
        }

        public Builder parent(String parent) {
            this.parent = parent;
            return this;
        }

        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        public Builder created(String created) {
            this.created = created;
            return this;
        }

        public Builder container(String container) {
            this.container = container;
            return this;
        }

        public Builder containerConfig(ContainerConfig containerConfig) {
            this.containerConfig = containerConfig;
            return this;
        }

        public Builder dockerVersion(String dockerVersion) {
            this.dockerVersion = dockerVersion;
            return this;
        }

        public Builder author(String author) {
            this.author = author;
            return this;
        }

        public Builder config(ContainerConfig config) {
            this.config = config;
            return this;
        }

        public Builder architecture(String architecture) {
            this.architecture = architecture;
            return this;
        }

        public Builder variant(String variant) {
            this.variant = variant;
            return this;
        }

        public Builder os(String os) {
            this.os = os;
            return this;
        }

        public Builder osVersion(String osVersion) {
            this.osVersion = osVersion;
            return this;
        }

        public Builder size(long size) {
            this.size = size;
            return this;
        }

        public Builder virtualSize(Long virtualSize) {
            this.virtualSize = virtualSize;
            return this;
        }

        public Builder graphDriver(GraphDriver graphDriver) {
            this.graphDriver = graphDriver;
            return this;
        }

        public Builder rootFs(RootFs rootFs) {
            this.rootFs = rootFs;
            return this;
        }

        public Builder metadata(ImageMetadata metadata) {
            this.metadata = metadata;
            return this;
        }

        public ImageInspect build() {
            return new ImageInspect(id, repoTags, repoDigests, parent, comment, created, container, containerConfig, dockerVersion, author, config, architecture, variant, os, osVersion, size, virtualSize, graphDriver, rootFs, metadata);
        }
    }
}
