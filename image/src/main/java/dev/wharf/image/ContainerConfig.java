package dev.wharf.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The defaults an image gives its containers ({@code config} inside the image config), with
 * Docker's capitalised JSON names. Port and volume sets are JSON objects with empty values, as
 * Docker writes them ({@code "ExposedPorts":{"80/tcp":{}}}).
 */
public record ContainerConfig(
        @JsonProperty("User") String user,
        @JsonProperty("ExposedPorts") Map<String, EmptyObject> exposedPorts,
        @JsonProperty("Env") List<String> env,
        @JsonProperty("Entrypoint") List<String> entrypoint,
        @JsonProperty("Cmd") List<String> cmd,
        @JsonProperty("Healthcheck") HealthConfig healthcheck,
        @JsonProperty("ArgsEscaped") Boolean argsEscaped,
        @JsonProperty("Volumes") Map<String, EmptyObject> volumes,
        @JsonProperty("WorkingDir") String workingDir,
        @JsonProperty("Labels") Map<String, String> labels,
        @JsonProperty("StopSignal") String stopSignal,
        @JsonProperty("OnBuild") List<String> onBuild,
        @JsonProperty("Shell") List<String> shell) {

    public static final ContainerConfig EMPTY = builder().build();

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.user = user;
        b.exposedPorts = exposedPorts;
        b.env = env;
        b.entrypoint = entrypoint;
        b.cmd = cmd;
        b.healthcheck = healthcheck;
        b.argsEscaped = argsEscaped;
        b.volumes = volumes;
        b.workingDir = workingDir;
        b.labels = labels;
        b.stopSignal = stopSignal;
        b.onBuild = onBuild;
        b.shell = shell;
        return b;
    }

    /** Mutable assembly of a config, for importers and builders that set fields one by one (fields for this package). */
    public static final class Builder {
        String user;
        Map<String, EmptyObject> exposedPorts;
        List<String> env;
        List<String> entrypoint;
        List<String> cmd;
        HealthConfig healthcheck;
        Boolean argsEscaped;
        Map<String, EmptyObject> volumes;
        String workingDir;
        Map<String, String> labels;
        String stopSignal;
        List<String> onBuild;
        List<String> shell;

        private Builder() {}

        public Builder user(String value) { user = value; return this; }
        public Builder env(List<String> value) { env = value; return this; }
        public Builder entrypoint(List<String> value) { entrypoint = value; return this; }
        public Builder cmd(List<String> value) { cmd = value; return this; }
        public Builder workingDir(String value) { workingDir = value; return this; }
        public Builder labels(Map<String, String> value) { labels = value; return this; }
        public Builder stopSignal(String value) { stopSignal = value; return this; }
        public Builder exposedPorts(Map<String, EmptyObject> value) { exposedPorts = value; return this; }
        public Builder volumes(Map<String, EmptyObject> value) { volumes = value; return this; }

        public ContainerConfig build() {
            return new ContainerConfig(user, exposedPorts, env, entrypoint, cmd, healthcheck, argsEscaped,
                    volumes, workingDir, labels, stopSignal, onBuild, shell);
        }
    }
}
