package dev.wharf.engine.containers;

import dev.wharf.api.stream.DetachKeys;
import dev.wharf.api.stream.EscapeProxy;
import dev.wharf.api.types.ExecConfig;
import dev.wharf.api.types.ExecStartConfig;
import dev.wharf.engine.errors.EngineException;
import dev.wharf.engine.http.Exchange;
import dev.wharf.engine.http.Handler;
import dev.wharf.runtime.AttachConnection;
import dev.wharf.runtime.AttachConnection.OutputChunk;
import dev.wharf.runtime.AttachConnection.Stream;
import dev.wharf.runtime.ExecProcess;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /exec/{id}/start}. Detached: the process starts and the reply is an empty 200.
 * Otherwise the connection is hijacked first (101, or 200 without an Upgrade header), then the process
 * starts; a failure to start is written into the stream, as moby does. Output is framed unless the
 * start asked for a TTY; the connection closes once the output ended and the exit code is recorded,
 * so the client's following inspect sees it. A client that detaches (TTY, detach keys) or goes away
 * leaves the process running; its output is then drained and dropped.
 */
final class ExecStartHandler implements Handler {
    private static final Logger LOG = System.getLogger(ExecStartHandler.class.getName());
    private static final long EXIT_AFTER_EOF_SECONDS = 10;

    private final ExecService service;

    ExecStartHandler(ExecService service) {
        this.service = service;
    }

    @Override
    public void handle(Exchange exchange) throws Exception {
        ExecStartConfig start = exchange.bodyJson(ExecStartConfig.class);
        if (start == null) {
            start = new ExecStartConfig(false, false, null);
        }
        ExecInstance exec = service.claim(exchange.pathParam("id"));
        if (start.detach()) {
            service.start(exec, start.consoleSize()).attach().close();
            exchange.respondEmpty(200);
            return;
        }
        ExecConfig config = exec.config();
        try (Exchange.Hijacked connection = exchange.hijack(StreamWriter.contentType(exchange.apiVersion(), start.tty()))) {
            ExecProcess process;
            try {
                process = service.start(exec, start.consoleSize());
            } catch (EngineException e) {
                new StreamWriter(connection.out(), start.tty(), true, true)
                        .write(Stream.STDOUT, (e.getMessage() + "\r\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            var done = new CompletableFuture<Void>();
            var writer = new StreamWriter(connection.out(), start.tty(), config.attachStdout(), config.attachStderr());
            ExecStreams.relayThread(exec.id(), () -> relay(process.attach(), writer, exec, done));
            if (config.attachStdin()) {
                InputStream in = config.tty()
                        ? new EscapeProxy(connection.in(), DetachKeys.orDefault(config.detachKeys()))
                        : connection.in();
                Thread.ofVirtual().name("exec-stdin-" + exec.id().substring(0, 12))
                        .start(() -> pumpStdin(in, process.attach(), done));
            }
            exchange.clientGone().thenRun(() -> done.complete(null));
            done.join();
        }
    }

    /** Output to the client while it listens; afterwards drained, so the process never blocks on a full pipe. */
    private static void relay(AttachConnection attach, StreamWriter writer, ExecInstance exec,
            CompletableFuture<Void> done) throws IOException {
        try {
            for (OutputChunk chunk = attach.read(); chunk != null; chunk = attach.read()) {
                if (!done.isDone()) {
                    try {
                        writer.write(chunk.stream(), chunk.data());
                    } catch (IOException clientGone) {
                        done.complete(null);
                    }
                }
            }
            exec.exit().get(EXIT_AFTER_EOF_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            LOG.log(Level.DEBUG, "exec {0}: no exit code after its output ended", exec.id());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            attach.close();
            done.complete(null);
        }
    }

    /** Client input to the process; the client's half-close is EOF for it, the detach keys end the session. */
    private static void pumpStdin(InputStream in, AttachConnection attach, CompletableFuture<Void> done) {
        byte[] buffer = new byte[32 * 1024];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                attach.writeStdin(buffer, 0, n);
            }
            if (in instanceof EscapeProxy proxy && proxy.detached()) {
                done.complete(null);
            } else {
                attach.closeStdin();
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "exec stdin ended: {0}", e.getMessage());
        }
    }
}
