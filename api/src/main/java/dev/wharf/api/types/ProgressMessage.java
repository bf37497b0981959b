// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** One line of a streamed JSON reply (pull, import, load, build); error/errorDetail report in-band failures. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProgressMessage(
        @JsonProperty("stream") @JsonInclude(JsonInclude.Include.NON_NULL) String stream,
        @JsonProperty("status") @JsonInclude(JsonInclude.Include.NON_NULL) String status,
        @JsonProperty("id") @JsonInclude(JsonInclude.Include.NON_NULL) String id,
        @JsonProperty("progress") @JsonInclude(JsonInclude.Include.NON_NULL) String progress,
        @JsonProperty("progressDetail") @JsonInclude(JsonInclude.Include.NON_NULL) ProgressDetail progressDetail,
        @JsonProperty("error") @JsonInclude(JsonInclude.Include.NON_NULL) String error,
        @JsonProperty("errorDetail") @JsonInclude(JsonInclude.Include.NON_NULL) ErrorDetail errorDetail,
        @JsonProperty("aux") @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode aux) {
    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder; non-optional strings start as "" because Docker always emits them. */
    public static final class Builder {
        private String stream;
        private String status;
        private String id;
        private String progress;
        private ProgressDetail progressDetail;
        private String error;
        private ErrorDetail errorDetail;
        private JsonNode aux;

        private Builder() {}

        public Builder stream(String stream) {
            this.stream = stream;
            return this;
        }

        public Builder status(String status) {
            this.status = status;
            return this;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder progress(String progress) {
            this.progress = progress;
            return this;
        }

        public Builder progressDetail(ProgressDetail progressDetail) {
            this.progressDetail = progressDetail;
            return this;
        }

        public Builder error(String error) {
            this.error = error;
            return this;
        }

        public Builder errorDetail(ErrorDetail errorDetail) {
            this.errorDetail = errorDetail;
            return this;
        }

        public Builder aux(JsonNode aux) {
            this.aux = aux;
            return this;
        }

        public ProgressMessage build() {
            return new ProgressMessage(stream, status, id, progress, progressDetail, error, errorDetail, aux);
        }
    }
}
