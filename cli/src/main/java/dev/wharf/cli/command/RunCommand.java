package dev.wharf.cli.command;

import dev.wharf.api.client.ContainerWaitCall;
import dev.wharf.api.client.EngineErrorException;
import dev.wharf.api.client.HijackedStream;
import dev.wharf.api.stream.MultiplexedStream;
import dev.wharf.cli.CliFailure;
import java.io.IOException;
import java.io.InputStream;
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
    private ContainerCreateOptions options;

    @Override
    public Integer call() throws IOException, InterruptedException {
        var client = client();
        options.checkCidFile();
        String id = ContainerCreation.create(client, options.request(!detach, streams().env()), options.name,
                options.image, err(), message -> failure(125, message));
        options.writeCidFile(id);
        HijackedStream attach = detach ? null : client.containerAttach(id, options.interactive, true, true, true);
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
        if (options.interactive) {
            Thread.ofVirtual().name("wharf-stdin").start(() -> copyStdin(streams().in(), attach));
        } else {
            attach.closeWrite(); // no stdin: tell the daemon at once, as docker does
        }
        var rawOut = streams().rawOut();
        var rawErr = streams().rawErr();
        out().flush();
        try {
            if (options.tty) {
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
}
