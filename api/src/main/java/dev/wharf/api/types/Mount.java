// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** A mount requested in HostConfig.Mounts (Go mount.Mount). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Mount(
        @JsonProperty("Type") @JsonInclude(JsonInclude.Include.NON_EMPTY) String type,
        @JsonProperty("Source") @JsonInclude(JsonInclude.Include.NON_EMPTY) String source,
        @JsonProperty("Target") @JsonInclude(JsonInclude.Include.NON_EMPTY) String target,
        @JsonProperty("ReadOnly") @JsonInclude(JsonInclude.Include.NON_EMPTY) Boolean readOnly,
        @JsonProperty("Consistency") @JsonInclude(JsonInclude.Include.NON_EMPTY) String consistency,
        @JsonProperty("BindOptions") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> bindOptions,
        @JsonProperty("VolumeOptions") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> volumeOptions,
        @JsonProperty("TmpfsOptions") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> tmpfsOptions) {
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.type = type;
        b.source = source;
        b.target = target;
        b.readOnly = readOnly;
        b.consistency = consistency;
        b.bindOptions = bindOptions;
        b.volumeOptions = volumeOptions;
        b.tmpfsOptions = tmpfsOptions;
        return b;
    }

    /** Fluent builder; non-optional strings start as "" because Docker always emits them. */
    public static final class Builder {
        private String type;
        private String source;
        private String target;
        private Boolean readOnly;
        private String consistency;
        private Map<String, Object> bindOptions;
        private Map<String, Object> volumeOptions;
        private Map<String, Object> tmpfsOptions;

        private Builder() {}

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder target(String target) {
            this.target = target;
            return this;
        }

        public Builder readOnly(Boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        public Builder consistency(String consistency) {
            this.consistency = consistency;
            return this;
        }

        public Builder bindOptions(Map<String, Object> bindOptions) {
            this.bindOptions = bindOptions;
            return this;
        }

        public Builder volumeOptions(Map<String, Object> volumeOptions) {
            this.volumeOptions = volumeOptions;
            return this;
        }

        public Builder tmpfsOptions(Map<String, Object> tmpfsOptions) {
            this.tmpfsOptions = tmpfsOptions;
            return this;
        }


        public Mount build() {
            return new Mount(type, source, target, readOnly, consistency, bindOptions, volumeOptions, tmpfsOptions);
        }
    }
}
