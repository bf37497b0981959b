package dev.wharf.cli.session;

import dev.wharf.api.client.HijackedStream;
import dev.wharf.api.stream.DetachKeys;
import dev.wharf.api.stream.EscapeProxy;
import dev.wharf.api.stream.MultiplexedStream;
import dev.wharf.cli.CliStreams;
import dev.wharf.linux.ErrnoException;
import dev.wharf.linux.Terminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One attached session on a hijacked connection, as docker's hijackedIOStreamer: output copied raw
 * (TTY) or demultiplexed onto stdout/stderr; stdin sent when attached, its EOF passed on as a
 * half-close. With a TTY and a terminal on stdin, the terminal is raw for the session (restored
 * after) and the detach keys end the session while the container runs on.
 */
public final class StreamSession {
    private final CliStreams streams;
    private final boolean tty;
    private final boolean stdin;
    private final String detachKeys;

    /** @param detachKeys docker's {@code --detach-keys} (null: ctrl-p,ctrl-q) */
    public StreamSession(CliStreams streams, boolean tty, boolean stdin, String detachKeys) {
        this.streams = streams;
        this.tty = tty;
        this.stdin = stdin;
        this.detachKeys = detachKeys;
    }

    /** Runs until the daemon ends the stream; true when the user detached instead. */
    public boolean run(HijackedStream connection) throws IOException {
        Terminal.Restore raw = tty && stdin ? rawTerminal() : null;
        try {
            EscapeProxy input = null;
            if (stdin) {
                input = new EscapeProxy(streams.in(), tty ? DetachKeys.orDefault(detachKeys) : new byte[0]);
                EscapeProxy in = input;
                Thread.ofVirtual().name("wharf-stdin").start(() -> copyStdin(in, connection));
            } else {
                connection.closeWrite(); // no stdin: tell the daemon at once, as docker does
            }
            copyOutput(connection);
            return input != null && input.detached();
        } finally {
            if (raw != null) {
                raw.close();
            }
        }
    }

    private Terminal.Restore rawTerminal() {
        if (!Terminal.isTerminal(Terminal.STDIN)) {
            return null;
        }
        try {
            return Terminal.makeRaw(Terminal.STDIN);
        } catch (ErrnoException e) {
            return null;
        }
    }

    private void copyOutput(HijackedStream connection) {
        OutputStream out = streams.rawOut();
        streams.out().flush();
        try {
            if (tty) {
                var buffer = new byte[8192];
                for (int n; (n = connection.input().read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } else {
                MultiplexedStream.demultiplex(connection.input(), out, streams.rawErr());
            }
        } catch (IOException closed) {
            // the daemon reset the connection after the process exited, or we closed it to detach
        }
    }

    /** Stdin to the daemon; EOF half-closes; the detach keys close the whole connection. */
    private static void copyStdin(EscapeProxy in, HijackedStream connection) {
        try {
            in.transferTo(connection.output());
        } catch (IOException ignored) {
            // the process closed its stdin or exited
        } finally {
            try {
                if (in.detached()) {
                    connection.close();
                } else {
                    connection.closeWrite();
                }
            } catch (IOException ignored) {
                // connection already gone
            }
        }
    }
}
