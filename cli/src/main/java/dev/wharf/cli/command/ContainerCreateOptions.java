package dev.wharf.cli.command;

import dev.wharf.api.types.ContainerConfig;
import dev.wharf.api.types.ContainerCreateRequest;
import dev.wharf.api.types.EndpointSettings;
import dev.wharf.api.types.HealthConfig;
import dev.wharf.api.types.HostConfig;
import dev.wharf.api.types.LogConfig;
import dev.wharf.api.types.NetworkingConfig;
import dev.wharf.api.types.RestartPolicy;
import dev.wharf.cli.CliFailure;
import dev.wharf.cli.options.ResourceOptions;
import dev.wharf.cli.options.SecurityOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The flags {@code run} and {@code create} share, as in docker, and the create request they make.
 * Flags of one area (resources, networking, mounts…) may live in their own mixin, applied here.
 */
final class ContainerCreateOptions {

    @Option(names = "--rm", description = "Automatically remove the container when it exits.")
    boolean autoRemove;

    @Mixin
    PullOptions pull = new PullOptions();

    @Option(names = "--name", description = "Assign a name to the container.")
    String name;

    @Option(names = {"-e", "--env"}, description = "Set environment variables.")
    List<String> env = new ArrayList<>();

    @Option(names = "--env-file", description = "Read in a file of environment variables.")
    List<String> envFiles = new ArrayList<>();

    @Option(names = {"-w", "--workdir"}, description = "Working directory inside the container.")
    String workdir;

    @Option(names = {"-u", "--user"}, description = "Username or UID (format: <name|uid>[:<group|gid>]).")
    String user;

    @Option(names = {"-h", "--hostname"}, description = "Container host name.")
    String hostname;

    @Option(names = "--entrypoint", description = "Overwrite the default ENTRYPOINT of the image.")
    String entrypoint;

    @Option(names = {"-i", "--interactive"}, description = "Keep STDIN open even if not attached.")
    boolean interactive;

    @Option(names = {"-t", "--tty"}, description = "Allocate a pseudo-TTY.")
    boolean tty;

    @Option(names = {"-a", "--attach"}, paramLabel = "STREAM", description = "Attach to STDIN, STDOUT or STDERR.")
    List<String> attach = new ArrayList<>();

    @Option(names = {"-l", "--label"}, description = "Set meta data on a container.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--label-file", description = "Read in a line delimited file of labels.")
    List<String> labelFiles = new ArrayList<>();

    @Option(names = "--cidfile", description = "Write the container ID to the file.")
    String cidFile;

    @Option(names = "--stop-signal", description = "Signal to stop the container.")
    String stopSignal;

    @Option(names = "--stop-timeout", description = "Timeout (in seconds) to stop a container.")
    Integer stopTimeout;

    @Mixin
    ResourceOptions resources;

    @Mixin
    SecurityOptions security;

    @Mixin
    MountOptions mounts = new MountOptions();

    @Mixin
    RestartHealthOptions restartHealth = new RestartHealthOptions();

    /** The run or create command these options belong to, for docker's pointer to its --help. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE")
    String image;

    @Parameters(index = "1..*", paramLabel = "COMMAND", arity = "0..*")
    List<String> command = new ArrayList<>();

    /**
     * @param attach whether the client attaches to the container's streams ({@code run} without -d)
     * @param hostEnv the client's environment, for {@code -e VAR} passthrough
     */
    ContainerCreateRequest request(boolean attach, Map<String, String> hostEnv) throws IOException {
        HealthConfig healthcheck;
        RestartPolicy restartPolicy;
        try {
            healthcheck = restartHealth.healthcheck();
            restartPolicy = restartHealth.restartPolicy(autoRemove);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(125, "wharf: " + e.getMessage() + "\n\nRun '" + spec.qualifiedName()
                    + " --help' for more information");
        }
        var config = ContainerConfig.builder()
                .hostname(hostname == null ? "" : hostname)
                .user(user == null ? "" : user)
                .attachStdin(attach && attachesStdin())
                .attachStdout(attach && attaches("stdout"))
                .attachStderr(attach && attaches("stderr"))
                .tty(tty)
                .openStdin(interactive)
                .stdinOnce(interactive && attach && attachesStdin())
                .env(nullIfEmpty(EnvOptions.resolve(envFiles, env, hostEnv)))
                .cmd(nullIfEmpty(command))
                .image(image)
                .workingDir(workdir == null ? "" : workdir)
                .entrypoint(entrypoint == null ? null : List.of(entrypoint))
                .labels(EnvOptions.labels(labelFiles, labels))
                .stopSignal(stopSignal)
                .stopTimeout(stopTimeout)
                .healthcheck(healthcheck);
        var hostConfig = HostConfig.builder()
                .logConfig(new LogConfig("", Map.of()))
                .networkMode("default")
                .portBindings(Map.of())
                .restartPolicy(restartPolicy)
                .autoRemove(autoRemove)
                .consoleSize(consoleSize())
                .dns(List.of())
                .dnsOptions(List.of())
                .dnsSearch(List.of())
                .memorySwappiness(-1L); // what the docker CLI sends for "unset"
        resources.applyTo(hostConfig);
        security.applyTo(hostConfig);
        mounts.apply(config, hostConfig);
        var networking = new NetworkingConfig(Map.of("default", EndpointSettings.builder().build()));
        return new ContainerCreateRequest(config.build(), hostConfig.build(), networking);
    }

    /** docker's -a: stdin with -i or -a stdin; stdout and stderr when -a names them or is not given. */
    boolean attachesStdin() {
        return interactive || attaches("stdin");
    }

    boolean attaches(String stream) {
        if (attach.isEmpty()) {
            return !stream.equals("stdin");
        }
        return attach.stream().anyMatch(s -> s.equalsIgnoreCase(stream));
    }

    /** Valid -a values, checked before anything is created; docker's wording. */
    void validateAttach() {
        for (String stream : attach) {
            if (!List.of("stdin", "stdout", "stderr").contains(stream.toLowerCase(java.util.Locale.ROOT))) {
                throw new CliFailure(125, "invalid argument \"" + stream
                        + "\" for \"-a, --attach\" flag: valid streams are STDIN, STDOUT and STDERR");
            }
        }
    }

    /** With a TTY, the terminal's size from the start (HostConfig.ConsoleSize, [rows, cols]), as docker sends it. */
    private List<Integer> consoleSize() {
        var size = tty ? dev.wharf.cli.session.TerminalSize.current() : null;
        return size == null ? List.of(0, 0) : List.of(size.rows(), size.cols());
    }

    /** docker's --cidfile: refused when the file exists (another container may own it), written after create. */
    void checkCidFile() {
        if (cidFile != null && Files.exists(Path.of(cidFile))) {
            throw new CliFailure(125, "wharf: Container ID file found, make sure the other container isn't running or delete "
                    + cidFile + ".\nSee 'wharf run --help'.");
        }
    }

    void writeCidFile(String id) throws IOException {
        if (cidFile != null) {
            Files.writeString(Path.of(cidFile), id);
        }
    }

    private static <T> List<T> nullIfEmpty(List<T> list) {
        return list.isEmpty() ? null : list;
    }
}
