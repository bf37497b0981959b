package dev.wharf.engine.containers;

import dev.wharf.api.stream.DetachKeys;
import dev.wharf.api.stream.EscapeProxy;
import dev.wharf.engine.http.Exchange;
import dev.wharf.engine.http.Handler;
import dev.wharf.runtime.AttachConnection;
import dev.wharf.runtime.AttachConnection.OutputChunk;
import dev.wharf.runtime.log.K8sFileLog;
import dev.wharf.runtime.log.LogRecord;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * {@code POST /containers/{id}/attach}: hijacks the connection and relays the container's output
 * (frames without a TTY, raw with one) and the client's stdin. Works on a created container, as
 * {@code docker run} attaches before it starts: the client subscribes to the container's output
 * broadcaster first, so nothing the process writes after start is lost. The connection closes once
 * the run's output has ended.
 */
final class AttachHandler implements Handler {
    private static final Logger LOG = System.getLogger(AttachHandler.class.getName());
    /** How long stdin sent before {@code start} waits for the container's process to exist. */
    private static final long STDIN_WAIT_MILLIS = 60_000;

    /** Marks the end of the output in a client's queue. */
    private static final OutputChunk END = new OutputChunk(AttachConnection.Stream.STDOUT, new byte[0]);

    private final ContainerService service;

    AttachHandler(ContainerService service) {
        this.service = service;
    }

    @Override
    public void handle(Exchange exchange) throws Exception {
        Container container = service.get(exchange.pathParam("id"));
        boolean stream = exchange.queryFlag("stream", false);
        boolean logs = exchange.queryFlag("logs", false);
        boolean stdin = exchange.queryFlag("stdin", false);
        boolean stdout = exchange.queryFlag("stdout", false);
        boolean stderr = exchange.queryFlag("stderr", false);
        var config = container.record().config();

        BlockingQueue<OutputChunk> queue = new LinkedBlockingQueue<>();
        OutputBroadcaster.Subscriber subscriber = new OutputBroadcaster.Subscriber() {
            @Override
            public void chunk(OutputChunk chunk) {
                queue.add(chunk);
            }

            @Override
            public void end() {
                queue.add(END);
            }
        };
        if (stream) {
            container.output.subscribe(subscriber); // before the hijack: output from now on is ours
        }
        try (Exchange.Hijacked connection = exchange.hijack(StreamWriter.contentType(exchange.apiVersion(), config.tty()))) {
            var writer = new StreamWriter(connection.out(), config.tty(), stdout, stderr);
            if (logs) {
                for (LogRecord record : new K8sFileLog(service.logFile(container)).readAll()) {
                    writer.write(record.stream(), record.data());
                }
            }
            if (!stream) {
                return;
            }
            if (stdin && config.openStdin()) {
                // With a TTY the daemon watches for the detach keys too (moby does), for clients that do not.
                InputStream in = config.tty()
                        ? new EscapeProxy(connection.in(), DetachKeys.orDefault(exchange.query("detachKeys").orElse(null)))
                        : connection.in();
                Thread.ofVirtual().name("stdin-" + container.record().shortId())
                        .start(() -> pumpStdin(in, container, config.stdinOnce() && !config.tty(), () -> {
                            service.detached(container);
                            subscriber.end();
                        }));
            }
            exchange.clientGone().thenRun(subscriber::end);
            for (OutputChunk chunk = queue.take(); chunk != END; chunk = queue.take()) {
                writer.write(chunk.stream(), chunk.data());
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "attach client of {0} went away: {1}", container.id(), e.getMessage());
        } finally {
            container.output.unsubscribe(subscriber);
        }
    }

    /**
     * Client bytes go to the container's stdin. The client's half-close is stdin EOF, passed on only
     * with StdinOnce and no TTY (moby's CloseStdin): otherwise stdin stays open for the next attach.
     * Typing the detach keys ends this client's session.
     */
    private static void pumpStdin(InputStream in, Container container, boolean closeAtEof, Runnable detach) {
        byte[] buffer = new byte[32 * 1024];
        try {
            AttachConnection target = null;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (target == null) {
                    target = container.output.awaitConnection(STDIN_WAIT_MILLIS);
                    if (target == null) {
                        return;
                    }
                }
                target.writeStdin(buffer, 0, n);
            }
            if (in instanceof EscapeProxy proxy && proxy.detached()) {
                detach.run();
            } else if (closeAtEof) {
                AttachConnection current = target != null ? target : container.output.awaitConnection(STDIN_WAIT_MILLIS);
                if (current != null) {
                    current.closeStdin();
                }
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "stdin of {0} ended: {1}", container.id(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
