// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One event of GET /events; status/id/from are the legacy container-event fields. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventMessage(
        @JsonProperty("status") @JsonInclude(JsonInclude.Include.NON_EMPTY) String status,
        @JsonProperty("id") @JsonInclude(JsonInclude.Include.NON_EMPTY) String id,
        @JsonProperty("from") @JsonInclude(JsonInclude.Include.NON_EMPTY) String from,
        @JsonProperty("Type") String type,
        @JsonProperty("Action") String action,
        @JsonProperty("Actor") EventActor actor,
        @JsonProperty("scope") String scope,
        @JsonProperty("time") long time,
        @JsonProperty("timeNano") long timeNano) {
    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder; non-optional strings start as "" because Docker always emits them. */
    public static final class Builder {
        private String status;
        private String id;
        private String from;
        private String type = "";
        private String action = "";
        private EventActor actor;
        private String scope = "";
        private long time;
        private long timeNano;

        private Builder() {}

        public Builder status(String status) {
            this.status = status;
            return this;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder from(String from) {
            this.from = from;
            return this;
        }

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder action(String action) {
            this.action = action;
            return this;
        }

        public Builder actor(EventActor actor) {
            this.actor = actor;
            return this;
        }

        public Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        public Builder time(long time) {
            this.time = time;
            return this;
        }

        public Builder timeNano(long timeNano) {
            this.timeNano = timeNano;
            return this;
        }

        public EventMessage build() {
            return new EventMessage(status, id, from, type, action, actor, scope, time, timeNano);
        }
    }
}
