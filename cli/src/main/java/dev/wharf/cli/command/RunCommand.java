package dev.wharf.cli.command;

import dev.wharf.api.client.ContainerWaitCall;
import dev.wharf.api.client.EngineErrorException;
import dev.wharf.api.client.HijackedStream;
import dev.wharf.cli.CliFailure;
import dev.wharf.cli.session.StreamSession;
import dev.wharf.cli.session.TerminalSize;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Mixin
    private SessionOptions session;

    @Mixin
    private ContainerCreateOptions options;

    @Override
    public Integer call() throws IOException, InterruptedException {
        var client = client();
        options.validateAttach();
        if (detach && !options.attach.isEmpty()) {
            throw new CliFailure(125, "wharf: Conflicting options: -a and -d.\nSee 'wharf run --help'.");
        }
        boolean stdin = options.attachesStdin();
        options.checkCidFile();
        String id = ContainerCreation.create(client, options.request(!detach, streams().env()), options.name,
                options.image, options.pull, streams(), message -> failure(125, message));
        options.writeCidFile(id);
        HijackedStream attach = detach ? null : client.containerAttach(id, stdin, options.attaches("stdout"),
                options.attaches("stderr"), true, session.detachKeys);
        ContainerWaitCall wait = client.containerWait(id, options.autoRemove ? "removed" : "next-exit");
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
            if (session.sigProxy && !options.tty) {
                SignalProxy.install(client, id, err());
            }
            if (options.tty) {
                TerminalSize.follow((rows, cols) -> client.containerResize(id, rows, cols));
            }
            if (new StreamSession(streams(), options.tty, stdin, session.detachKeys).run(attach)) {
                return 0; // docker run: detaching is not an error
            }
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

    private CliFailure failure(int exitCode, String message) {
        err().println("wharf: Error response from daemon: " + message);
        err().println();
        err().println("Run 'wharf run --help' for more information");
        return new CliFailure(exitCode, null);
    }
}
