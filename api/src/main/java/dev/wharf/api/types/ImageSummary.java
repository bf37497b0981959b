// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** One entry of GET /images/json; Created is unix seconds. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageSummary(
        @JsonProperty("Containers") long containers,
        @JsonProperty("Created") long created,
        @JsonProperty("Id") String id,
        @JsonProperty("Labels") Map<String, String> labels,
        @JsonProperty("ParentId") String parentId,
        @JsonProperty("RepoDigests") List<String> repoDigests,
        @JsonProperty("RepoTags") List<String> repoTags,
        @JsonProperty("SharedSize") long sharedSize,
        @JsonProperty("Size") long size,
        @JsonProperty("VirtualSize") @JsonInclude(JsonInclude.Include.NON_NULL) Long virtualSize) {
    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder; non-optional strings start as "" because Docker always emits them. */
    public static final class Builder {
        private long containers;
        private long created;
        private String id = "";
        private Map<String, String> labels;
        private String parentId = "";
        private List<String> repoDigests;
        private List<String> repoTags;
        private long sharedSize;
        private long size;
        private Long virtualSize;

        private Builder() {}

        public Builder containers(long containers) {
            this.containers = containers;
            return this;
        }

        public Builder created(long created) {
            this.created = created;
            return this;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder labels(Map<String, String> labels) {
            this.labels = labels;
            return this;
        }

        public Builder parentId(String parentId) {
            this.parentId = parentId;
            return this;
        }

        public Builder repoDigests(List<String> repoDigests) {
            this.repoDigests = repoDigests;
            return this;
        }

        public Builder repoTags(List<String> repoTags) {
            this.repoTags = repoTags;
            return this;
        }

        public Builder sharedSize(long sharedSize) {
            this.sharedSize = sharedSize;
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

        public ImageSummary build() {
            return new ImageSummary(containers, created, id, labels, parentId, repoDigests, repoTags, sharedSize, size, virtualSize);
        }
    }
}
