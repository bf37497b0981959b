// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Runtime state of a container; Status is created|running|paused|restarting|removing|exited|dead. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerState(
        @JsonProperty("Status") String status,
        @JsonProperty("Running") boolean running,
        @JsonProperty("Paused") boolean paused,
        @JsonProperty("Restarting") boolean restarting,
        @JsonProperty("OOMKilled") boolean oomKilled,
        @JsonProperty("Dead") boolean dead,
        @JsonProperty("Pid") int pid,
        @JsonProperty("ExitCode") int exitCode,
        @JsonProperty("Error") String error,
        @JsonProperty("StartedAt") String startedAt,
        @JsonProperty("FinishedAt") String finishedAt,
        @JsonProperty("Health") @JsonInclude(JsonInclude.Include.NON_NULL) Health health) {
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.status = status;
        b.running = running;
        b.paused = paused;
        b.restarting = restarting;
        b.oomKilled = oomKilled;
        b.dead = dead;
        b.pid = pid;
        b.exitCode = exitCode;
        b.error = error;
        b.startedAt = startedAt;
        b.finishedAt = finishedAt;
        b.health = health;
        return b;
    }

    /** Fluent builder; non-optional strings start as "" because Docker always emits them. */
    public static final class Builder {
        private String status = "";
        private boolean running;
        private boolean paused;
        private boolean restarting;
        private boolean oomKilled;
        private boolean dead;
        private int pid;
        private int exitCode;
        private String error = "";
        private String startedAt = "";
        private String finishedAt = "";
        private Health health;

        private Builder() {}

        public Builder status(String status) {
            this.status = status;
            return this;
        }

        public Builder running(boolean running) {
            this.running = running;
            return this;
        }

        public Builder paused(boolean paused) {
            this.paused = paused;
            return this;
        }

        public Builder restarting(boolean restarting) {
            this.restarting = restarting;
            return this;
        }

        public Builder oomKilled(boolean oomKilled) {
            this.oomKilled = oomKilled;
            return this;
        }

        public Builder dead(boolean dead) {
            this.dead = dead;
            return this;
        }

        public Builder pid(int pid) {
            this.pid = pid;
            return this;
        }

        public Builder exitCode(int exitCode) {
            this.exitCode = exitCode;
            return this;
        }

        public Builder error(String error) {
            this.error = error;
            return this;
        }

        public Builder startedAt(String startedAt) {
            this.startedAt = startedAt;
            return this;
        }

        public Builder finishedAt(String finishedAt) {
            this.finishedAt = finishedAt;
            return this;
        }

        public Builder health(Health health) {
            this.health = health;
            return this;
        }


        public ContainerState build() {
            return new ContainerState(status, running, paused, restarting, oomKilled, dead, pid, exitCode, error, startedAt, finishedAt, health);
        }
    }
}
