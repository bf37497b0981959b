// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Reply of GET /version. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SystemVersion(
        @JsonProperty("Platform") PlatformInfo platform,
        @JsonProperty("Components") List<ComponentVersion> components,
        @JsonProperty("Version") String version,
        @JsonProperty("ApiVersion") String apiVersion,
        @JsonProperty("MinAPIVersion") String minApiVersion,
        @JsonProperty("GitCommit") String gitCommit,
        @JsonProperty("GoVersion") String goVersion,
        @JsonProperty("Os") String os,
        @JsonProperty("Arch") String arch,
        @JsonProperty("KernelVersion") @JsonInclude(JsonInclude.Include.NON_EMPTY) String kernelVersion,
        @JsonProperty("Experimental") @JsonInclude(JsonInclude.Include.NON_EMPTY) Boolean experimental,
        @JsonProperty("BuildTime") @JsonInclude(JsonInclude.Include.NON_EMPTY) String buildTime) {
    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder; non-optional strings start as "" because Docker always emits them. */
    public static final class Builder {
        private PlatformInfo platform;
        private List<ComponentVersion> components;
        private String version = "";
        private String apiVersion = "";
        private String minApiVersion = "";
        private String gitCommit = "";
        private String goVersion = "";
        private String os = "";
        private String arch = "";
        private String kernelVersion;
        private Boolean experimental;
        private String buildTime;

        private Builder() {}

        public Builder platform(PlatformInfo platform) {
            this.platform = platform;
            return this;
        }

        public Builder components(List<ComponentVersion> components) {
            this.components = components;
            return this;
        }

        public Builder version(String version) {
            this.version = version;
            return this;
        }

        public Builder apiVersion(String apiVersion) {
            this.apiVersion = apiVersion;
            return this;
        }

        public Builder minApiVersion(String minApiVersion) {
            this.minApiVersion = minApiVersion;
            return this;
        }

        public Builder gitCommit(String gitCommit) {
            this.gitCommit = gitCommit;
            return this;
        }

        public Builder goVersion(String goVersion) {
            this.goVersion = goVersion;
            return this;
        }

        public Builder os(String os) {
            this.os = os;
            return this;
        }

        public Builder arch(String arch) {
            this.arch = arch;
            return this;
        }

        public Builder kernelVersion(String kernelVersion) {
            this.kernelVersion = kernelVersion;
            return this;
        }

        public Builder experimental(Boolean experimental) {
            this.experimental = experimental;
            return this;
        }

        public Builder buildTime(String buildTime) {
            this.buildTime = buildTime;
            return this;
        }

        public SystemVersion build() {
            return new SystemVersion(platform, components, version, apiVersion, minApiVersion, gitCommit, goVersion, os, arch, kernelVersion, experimental, buildTime);
        }
    }
}
