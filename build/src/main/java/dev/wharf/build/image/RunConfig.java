package dev.wharf.build.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.wharf.image.EmptyObject;
import dev.wharf.image.HealthConfig;
import java.util.List;
import java.util.Map;

/**
 * The container config as dockerd's classic builder writes it into {@code config} and
 * {@code container_config}: every field of Docker's {@code container.Config}, nulls included, in Go's order.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"Hostname", "Domainname", "User", "AttachStdin", "AttachStdout", "AttachStderr",
    "ExposedPorts", "Tty", "OpenStdin", "StdinOnce", "Env", "Cmd", "Healthcheck", "ArgsEscaped", "Image",
    "Volumes", "WorkingDir", "Entrypoint", "OnBuild", "Labels", "StopSignal", "Shell"})
public record RunConfig(
        @JsonProperty("Hostname") String hostname,
        @JsonProperty("Domainname") String domainname,
        @JsonProperty("User") String user,
        @JsonProperty("AttachStdin") boolean attachStdin,
        @JsonProperty("AttachStdout") boolean attachStdout,
        @JsonProperty("AttachStderr") boolean attachStderr,
        @JsonProperty("ExposedPorts") @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, EmptyObject> exposedPorts,
        @JsonProperty("Tty") boolean tty,
        @JsonProperty("OpenStdin") boolean openStdin,
        @JsonProperty("StdinOnce") boolean stdinOnce,
        @JsonProperty("Env") List<String> env,
        @JsonProperty("Cmd") List<String> cmd,
        @JsonProperty("Healthcheck") @JsonInclude(JsonInclude.Include.NON_NULL) HealthConfig healthcheck,
        @JsonProperty("ArgsEscaped") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean argsEscaped,
        @JsonProperty("Image") String image,
        @JsonProperty("Volumes") Map<String, EmptyObject> volumes,
        @JsonProperty("WorkingDir") String workingDir,
        @JsonProperty("Entrypoint") List<String> entrypoint,
        @JsonProperty("OnBuild") List<String> onBuild,
        @JsonProperty("Labels") Map<String, String> labels,
        @JsonProperty("StopSignal") @JsonInclude(JsonInclude.Include.NON_NULL) String stopSignal,
        @JsonProperty("Shell") @JsonInclude(JsonInclude.Include.NON_NULL) List<String> shell) {

    public static final RunConfig EMPTY = new RunConfig("", "", "", false, false, false, null, false, false, false,
            null, null, null, null, "", null, "", null, null, null, null, null);

    public RunConfig withHostname(String v) {
        return new RunConfig(v, domainname, user, attachStdin, attachStdout, attachStderr, exposedPorts, tty,
                openStdin, stdinOnce, env, cmd, healthcheck, argsEscaped, image, volumes, workingDir, entrypoint,
                onBuild, labels, stopSignal, shell);
    }

    public RunConfig withUser(String v) {
        return new RunConfig(hostname, domainname, v, attachStdin, attachStdout, attachStderr, exposedPorts, tty,
                openStdin, stdinOnce, env, cmd, healthcheck, argsEscaped, image, volumes, workingDir, entrypoint,
                onBuild, labels, stopSignal, shell);
    }

    public RunConfig withExposedPorts(Map<String, EmptyObject> v) {
        return new RunConfig(hostname, domainname, user, attachStdin, attachStdout, attachStderr, v, tty,
                openStdin, stdinOnce, env, cmd, healthcheck, argsEscaped, image, volumes, workingDir, entrypoint,
                onBuild, labels, stopSignal, shell);
    }

    public RunConfig withEnv(List<String> v) {
        return new RunConfig(hostname, domainname, user, attachStdin, attachStdout, attachStderr, exposedPorts, tty,
                openStdin, stdinOnce, v, cmd, healthcheck, argsEscaped, image, volumes, workingDir, entrypoint,
                onBuild, labels, stopSignal, shell);
    }

    public RunConfig withCmd(List<String> v) {
        return new RunConfig(hostname, domainname, user, attachStdin, attachStdout, attachStderr, exposedPorts, tty,
                openStdin, stdinOnce, env, v, healthcheck, argsEscaped, image, volumes, workingDir, entrypoint,
                onBuild, labels, stopSignal, shell);
    }

    public RunConfig withHealthcheck(HealthConfig v) {
        return new RunConfig(hostname, domainname, user, attachStdin, attachStdout, attachStderr, exposedPorts, tty,
                openStdin, stdinOnce, env, cmd, v, argsEscaped, image, volumes, workingDir, entrypoint,
                onBuild, labels, stopSignal, shell);
    }

    public RunConfig withImage(String v) {
        return new RunConfig(hostname, domainname, user, attachStdin, attachStdout, attachStderr, exposedPorts, tty,
                openStdin, stdinOnce, env, cmd, healthcheck, argsEscaped, v, volumes, workingDir, entrypoint,
                onBuild, labels, stopSignal, shell);
    }

    public RunConfig withVolumes(Map<String, EmptyObject> v) {
        return new RunConfig(hostname, domainname, user, attachStdin, attachStdout, attachStderr, exposedPorts, tty,
                openStdin, stdinOnce, env, cmd, healthcheck, argsEscaped, image, v, workingDir, entrypoint,
                onBuild, labels, stopSignal, shell);
    }

    public RunConfig withWorkingDir(String v) {
        return new RunConfig(hostname, domainname, user, attachStdin, attachStdout, attachStderr, exposedPorts, tty,
                openStdin, stdinOnce, env, cmd, healthcheck, argsEscaped, image, volumes, v, entrypoint,
                onBuild, labels, stopSignal, shell);
    }

    public RunConfig withEntrypoint(List<String> v) {
        return new RunConfig(hostname, domainname, user, attachStdin, attachStdout, attachStderr, exposedPorts, tty,
                openStdin, stdinOnce, env, cmd, healthcheck, argsEscaped, image, volumes, workingDir, v,
                onBuild, labels, stopSignal, shell);
    }

    public RunConfig withOnBuild(List<String> v) {
        return new RunConfig(hostname, domainname, user, attachStdin, attachStdout, attachStderr, exposedPorts, tty,
                openStdin, stdinOnce, env, cmd, healthcheck, argsEscaped, image, volumes, workingDir, entrypoint,
                v, labels, stopSignal, shell);
    }

    public RunConfig withLabels(Map<String, String> v) {
        return new RunConfig(hostname, domainname, user, attachStdin, attachStdout, attachStderr, exposedPorts, tty,
                openStdin, stdinOnce, env, cmd, healthcheck, argsEscaped, image, volumes, workingDir, entrypoint,
                onBuild, v, stopSignal, shell);
    }

    public RunConfig withStopSignal(String v) {
        return new RunConfig(hostname, domainname, user, attachStdin, attachStdout, attachStderr, exposedPorts, tty,
                openStdin, stdinOnce, env, cmd, healthcheck, argsEscaped, image, volumes, workingDir, entrypoint,
                onBuild, labels, v, shell);
    }

    public RunConfig withShell(List<String> v) {
        return new RunConfig(hostname, domainname, user, attachStdin, attachStdout, attachStderr, exposedPorts, tty,
                openStdin, stdinOnce, env, cmd, healthcheck, argsEscaped, image, volumes, workingDir, entrypoint,
                onBuild, labels, stopSignal, v);
    }

    /** The shell for shell-form commands: SHELL's, or /bin/sh -c. */
    public List<String> shellOrDefault() {
        return shell == null || shell.isEmpty() ? List.of("/bin/sh", "-c") : shell;
    }

    public List<String> envOrEmpty() {
        return env == null ? List.of() : env;
    }
}
