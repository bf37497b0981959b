// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A mount as reported by inspect and ps. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MountPoint(
        @JsonProperty("Type") @JsonInclude(JsonInclude.Include.NON_EMPTY) String type,
        @JsonProperty("Name") @JsonInclude(JsonInclude.Include.NON_EMPTY) String name,
        @JsonProperty("Source") String source,
        @JsonProperty("Destination") String destination,
        @JsonProperty("Driver") @JsonInclude(JsonInclude.Include.NON_EMPTY) String driver,
        @JsonProperty("Mode") String mode,
        @JsonProperty("RW") boolean rw,
        @JsonProperty("Propagation") String propagation) {
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.type = type;
        b.name = name;
        b.source = source;
        b.destination = destination;
        b.driver = driver;
        b.mode = mode;
        b.rw = rw;
        b.propagation = propagation;
        return b;
    }

    /** Fluent builder; non-optional strings start as "" because Docker always emits them. */
    public static final class Builder {
        private String type;
        private String name;
        private String source = "";
        private String destination = "";
        private String driver;
        private String mode = "";
        private boolean rw;
        private String propagation = "";

        private Builder() {}

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder destination(String destination) {
            this.destination = destination;
            return this;
        }

        public Builder driver(String driver) {
            this.driver = driver;
            return this;
        }

        public Builder mode(String mode) {
            this.mode = mode;
            return this;
        }

        public Builder rw(boolean rw) {
            this.rw = rw;
            return this;
        }

        public Builder propagation(String propagation) {
            this.propagation = propagation;
            return this;
        }


        public MountPoint build() {
            return new MountPoint(type, name, source, destination, driver, mode, rw, propagation);
        }
    }
}
