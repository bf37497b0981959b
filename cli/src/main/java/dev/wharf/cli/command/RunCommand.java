package dev.wharf.cli.command;

import dev.wharf.api.client.ContainerWaitCall;
import dev.wharf.api.client.EngineClient;
import dev.wharf.api.client.EngineErrorException;
import dev.wharf.api.client.HijackedStream;
import dev.wharf.api.stream.MultiplexedStream;
import dev.wharf.api.types.ContainerConfig;
import dev.wharf.api.types.ContainerCreateRequest;
import dev.wharf.api.types.HostConfig;
import dev.wharf.api.types.LogConfig;
import dev.wharf.api.types.ProgressMessage;
import dev.wharf.api.types.RestartPolicy;
import dev.wharf.cli.CliFailure;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wharf run}: the three-connection choreography of docker run — create, attach, wait,
 * start (NOTES §3) — with the exit code taken from the wait result.
 */
@Command(name = "run", description = "Create and run a new container from an image.",
        usageHelpAutoWidth = true)
public final class RunCommand extends EngineCommand {

    @Option(names = "--help", usageHelp = true, description = "Print usage.")
    private boolean help;

    @Option(names = {"-d", "--detach"}, description = "Run container in background and print container ID.")
    private boolean detach;

    @Option(names = "--rm", description = "Automatically remove the container when it exits.")
    private boolean autoRemove;

    @Option(names = "--name", description = "Assign a name to the container.")
    private String name;

    @Option(names = {"-e", "--env"}, description = "Set environment variables.")
    private List<String> env = new ArrayList<>();

    @Option(names = "--env-file", description = "Read in a file of environment variables.")
    private List<String> envFiles = new ArrayList<>();

    @Option(names = {"-w", "--workdir"}, description = "Working directory inside the container.")
    private String workdir;

    @Option(names = {"-u", "--user"}, description = "Username or UID (format: <name|uid>[:<group|gid>]).")
    private String user;

    @Option(names = {"-h", "--hostname"}, description = "Container host name.")
    private String hostname;

    @Option(names = "--entrypoint", description = "Overwrite the default ENTRYPOINT of the image.")
    private String entrypoint;

    @Option(names = {"-i", "--interactive"}, description = "Keep STDIN open even if not attached.")
    private boolean interactive;

    @Option(names = {"-t", "--tty"}, description = "Allocate a pseudo-TTY.")
    private boolean tty;

    @Option(names = {"-l", "--label"}, description = "Set meta data on a container.")
    private List<String> labels = new ArrayList<>();

    @Mixin
    private NetworkOptions network = new NetworkOptions();

    @Parameters(index = "0", paramLabel = "IMAGE")
    private String image;

    @Parameters(index = "1..*", paramLabel = "COMMAND", arity = "0..*")
    private List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        var client = client();
        String id = create(client, buildRequest());
        HijackedStream attach = detach ? null : client.containerAttach(id, interactive, true, true, true);
        ContainerWaitCall wait = client.containerWait(id, autoRemove ? "removed" : "next-exit");
        try {
            awaitRegistration(wait);
            try {
                client.containerStart(id);
            } catch (EngineErrorException e) {
                throw failure(StartErrors.exitCode(e.getMessage()), e.getMessage());
            }
            if (detach) {
                out().println(id);
                return 0;
            }
            SignalProxy.install(client, id, err());
            pump(attach);
            var result = wait.await();
            if (result.error() != null && result.error().message() != null && !result.error().message().isEmpty()) {
                err().println("wharf: Error response from daemon: " + result.error().message());
            }
            return (int) result.statusCode();
        } finally {
            wait.close();
            if (attach != null) {
                attach.close();
            }
        }
    }

    private ContainerCreateRequest buildRequest() throws IOException {
        var config = ContainerConfig.builder()
                .hostname(hostname == null ? "" : hostname)
                .user(user == null ? "" : user)
                .attachStdin(interactive && !detach)
                .attachStdout(!detach)
                .attachStderr(!detach)
                .tty(tty)
                .openStdin(interactive)
                .stdinOnce(interactive && !detach)
                .env(nullIfEmpty(EnvOptions.resolve(envFiles, env, streams().env())))
                .cmd(nullIfEmpty(command))
                .image(image)
                .volumes(Map.of())
                .workingDir(workdir == null ? "" : workdir)
                .entrypoint(entrypoint == null ? null : List.of(entrypoint))
                .labels(EnvOptions.labels(labels));
        var hostConfig = HostConfig.builder()
                .logConfig(new LogConfig("", Map.of()))
                .networkMode("default")
                .portBindings(Map.of())
                .restartPolicy(new RestartPolicy("no", 0))
                .autoRemove(autoRemove)
                .consoleSize(List.of(0, 0))
                .dns(List.of())
                .dnsOptions(List.of())
                .dnsSearch(List.of())
                .memorySwappiness(-1L); // what the docker CLI sends for "unset"
        network.apply(config, hostConfig);
        return new ContainerCreateRequest(config.build(), hostConfig.build(), network.networkingConfig());
    }

    /** Creates the container, pulling the image first when the daemon does not have it. */
    private String create(EngineClient client, ContainerCreateRequest request) throws IOException {
        try {
            return client.containerCreate(request, name).id();
        } catch (EngineErrorException e) {
            if (!e.isNotFound() || !e.getMessage().toLowerCase(Locale.ROOT).contains("no such image")) {
                throw failure(125, e.getMessage());
            }
        }
        var reference = ImageReference.parse(image);
        err().println("Unable to find image '" + reference.familiar() + "' locally");
        try {
            client.imagePull(reference.repository(), reference.digest() != null ? reference.digest() : reference.tagOrLatest(),
                    this::printPullProgress);
            return client.containerCreate(request, name).id();
        } catch (EngineErrorException e) {
            throw failure(125, e.getMessage());
        }
    }

    private void printPullProgress(ProgressMessage message) {
        if (message.status() != null && message.progressDetail() == null) {
            err().println(message.id() != null ? message.id() + ": " + message.status() : message.status());
        }
    }

    /** The daemon answers a wait's head at once; waiting for it keeps start from overtaking the wait. */
    private void awaitRegistration(ContainerWaitCall wait) throws IOException, InterruptedException {
        try {
            wait.accepted().get(5, TimeUnit.SECONDS);
        } catch (TimeoutException slowDaemon) {
            // proceed anyway: the request is on the wire
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof EngineErrorException engine) {
                throw failure(125, engine.getMessage());
            }
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** Copies container output to ours until the daemon closes; stdin flows the other way with -i. */
    private void pump(HijackedStream attach) throws IOException {
        if (interactive) {
            Thread.ofVirtual().name("wharf-stdin").start(() -> copyStdin(streams().in(), attach));
        } else {
            attach.closeWrite(); // no stdin: tell the daemon at once, as docker does
        }
        var rawOut = streams().rawOut();
        var rawErr = streams().rawErr();
        out().flush();
        try {
            if (tty) {
                var buffer = new byte[8192];
                for (int n; (n = attach.input().read(buffer)) >= 0; ) {
                    rawOut.write(buffer, 0, n);
                    rawOut.flush();
                }
            } else {
                MultiplexedStream.demultiplex(attach.input(), rawOut, rawErr);
            }
        } catch (IOException closedByDaemon) {
            // a reset after the process exited loses nothing we can still print; the wait has the status
        }
    }

    private static void copyStdin(InputStream in, HijackedStream attach) {
        try {
            in.transferTo(attach.output());
        } catch (IOException ignored) {
            // the container closed its stdin or exited
        } finally {
            try {
                attach.closeWrite();
            } catch (IOException ignored) {
                // connection already gone
            }
        }
    }

    private CliFailure failure(int exitCode, String message) {
        err().println("wharf: Error response from daemon: " + message);
        err().println();
        err().println("Run 'wharf run --help' for more information");
        return new CliFailure(exitCode, null);
    }

    private static <T> List<T> nullIfEmpty(List<T> list) {
        return list.isEmpty() ? null : list;
    }
}
