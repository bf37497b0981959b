// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** Registry settings of the daemon. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistryConfig(
        @JsonProperty("AllowNondistributableArtifactsCIDRs") List<String> allowNondistributableArtifactsCidrs,
        @JsonProperty("AllowNondistributableArtifactsHostnames") List<String> allowNondistributableArtifactsHostnames,
        @JsonProperty("InsecureRegistryCIDRs") List<String> insecureRegistryCidrs,
        @JsonProperty("IndexConfigs") Map<String, IndexInfo> indexConfigs,
        @JsonProperty("Mirrors") List<String> mirrors) {
    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder; non-optional strings start as "" because Docker always emits them. */
    public static final class Builder {
        private List<String> allowNondistributableArtifactsCidrs;
        private List<String> allowNondistributableArtifactsHostnames;
        private List<String> insecureRegistryCidrs;
        private Map<String, IndexInfo> indexConfigs;
        private List<String> mirrors;

        private Builder() {}

        public Builder allowNondistributableArtifactsCidrs(List<String> allowNondistributableArtifactsCidrs) {
            this.allowNondistributableArtifactsCidrs = allowNondistributableArtifactsCidrs;
            return this;
        }

        public Builder allowNondistributableArtifactsHostnames(List<String> allowNondistributableArtifactsHostnames) {
            this.allowNondistributableArtifactsHostnames = allowNondistributableArtifactsHostnames;
            return this;
        }

        public Builder insecureRegistryCidrs(List<String> insecureRegistryCidrs) {
            this.insecureRegistryCidrs = insecureRegistryCidrs;
            return this;
        }

        public Builder indexConfigs(Map<String, IndexInfo> indexConfigs) {
            this.indexConfigs = indexConfigs;
            return this;
        }

        public Builder mirrors(List<String> mirrors) {
            this.mirrors = mirrors;
            return this;
        }

        public RegistryConfig build() {
            return new RegistryConfig(allowNondistributableArtifactsCidrs, allowNondistributableArtifactsHostnames, insecureRegistryCidrs, indexConfigs, mirrors);
        }
    }
}
