package dev.wharf.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A CLI running on a pseudo-terminal (util-linux {@code script}), driven like a user would: wait for
 * text to appear, type keys. Waits are bounded so that a broken session fails instead of hanging;
 * nothing is asserted about how long anything takes.
 */
final class PtySession implements AutoCloseable {
    private static final long WAIT_MILLIS = 30_000;

    private final Process process;
    private final OutputStream keyboard;
    private final StringBuilder screen = new StringBuilder();
    private int mark;

    PtySession(Process process) {
        this.process = process;
        this.keyboard = process.getOutputStream();
        Thread.ofVirtual().start(() -> read(process.getInputStream()));
    }

    private void read(InputStream in) {
        byte[] buffer = new byte[4096];
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                synchronized (screen) {
                    screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    screen.notifyAll();
                }
            }
        } catch (IOException ignored) {
            // the session ended
        }
    }

    /** Types the keys (control characters as they are: "\u0010\u0011" is ctrl-p ctrl-q). */
    PtySession type(String keys) throws IOException {
        keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
        return this;
    }

    /** Waits for {@code text} to appear after what was expected before. */
    PtySession expect(String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        synchronized (screen) {
            int at;
            while ((at = screen.indexOf(text, mark)) < 0) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("no '" + text + "' on the terminal; it shows:\n" + screen);
                }
                screen.wait(left);
            }
            mark = at + text.length();
        }
        return this;
    }

    /** The session's exit code (script -e passes on the command's). */
    int exitCode() throws InterruptedException {
        if (!process.waitFor(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the session did not end; the terminal shows:\n" + screen());
        }
        return process.exitValue();
    }

    /**
     * Resizes the session's terminal as a window manager would: the kernel then sends SIGWINCH to the
     * CLI, which passes the size on to the container.
     */
    void resize(int rows, int cols) throws IOException, InterruptedException {
        String pts = process.toHandle().descendants()
                .map(p -> java.nio.file.Path.of("/proc", Long.toString(p.pid()), "fd", "0"))
                .map(fd -> {
                    try {
                        return java.nio.file.Files.readSymbolicLink(fd).toString();
                    } catch (IOException e) {
                        return "";
                    }
                })
                .filter(target -> target.startsWith("/dev/pts/"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the session has no terminal"));
        Process stty = new ProcessBuilder("stty", "-F", pts, "rows", Integer.toString(rows), "cols", Integer.toString(cols))
                .redirectErrorStream(true).start();
        if (!stty.waitFor(WAIT_MILLIS, TimeUnit.MILLISECONDS) || stty.exitValue() != 0) {
            throw new AssertionError("stty -F " + pts + " failed: " + new String(stty.getInputStream().readAllBytes()));
        }
    }

    String screen() {
        synchronized (screen) {
            return screen.toString();
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
