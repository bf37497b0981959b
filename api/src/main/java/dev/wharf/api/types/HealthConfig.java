// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A container healthcheck; durations are nanoseconds. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HealthConfig(
        @JsonProperty("Test") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> test,
        @JsonProperty("Interval") @JsonInclude(JsonInclude.Include.NON_EMPTY) Long interval,
        @JsonProperty("Timeout") @JsonInclude(JsonInclude.Include.NON_EMPTY) Long timeout,
        @JsonProperty("Retries") @JsonInclude(JsonInclude.Include.NON_EMPTY) Integer retries,
        @JsonProperty("StartPeriod") @JsonInclude(JsonInclude.Include.NON_EMPTY) Long startPeriod,
        @JsonProperty("StartInterval") @JsonInclude(JsonInclude.Include.NON_EMPTY) Long startInterval) {
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.test = test;
        b.interval = interval;
        b.timeout = timeout;
        b.retries = retries;
        b.startPeriod = startPeriod;
        b.startInterval = startInterval;
        return b;
    }

    /** Fluent builder; non-optional strings start as "" because Docker always emits them. */
    public static final class Builder {
        private List<String> test;
        private Long interval;
        private Long timeout;
        private Integer retries;
        private Long startPeriod;
        private Long startInterval;

        private Builder() {}

        public Builder test(List<String> test) {
            this.test = test;
            return this;
        }

        public Builder interval(Long interval) {
            this.interval = interval;
            return this;
        }

        public Builder timeout(Long timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder retries(Integer retries) {
            this.retries = retries;
            return this;
        }

        public Builder startPeriod(Long startPeriod) {
            this.startPeriod = startPeriod;
            return this;
        }

        public Builder startInterval(Long startInterval) {
            this.startInterval = startInterval;
            return this;
        }


        public HealthConfig build() {
            return new HealthConfig(test, interval, timeout, retries, startPeriod, startInterval);
        }
    }
}
