package dev.wharf.cli.session;

import dev.wharf.linux.ErrnoException;
import dev.wharf.linux.Terminal;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import sun.misc.Signal;

/**
 * Keeps a container's (or exec's) TTY the size of ours: once at start, then on every SIGWINCH. The
 * JDK has no supported signal API; {@code sun.misc.Signal} (jdk.unsupported) is the one the JDK
 * itself keeps for this, and SignalProxy already relies on it.
 */
public final class TerminalSize {
    /** Where a size goes: the container's or the exec's resize endpoint. */
    @FunctionalInterface
    public interface Resizer {
        void resize(int rows, int cols) throws IOException;
    }

    private TerminalSize() {}

    /** Our terminal's size, or null when stdout is not a terminal. */
    public static Terminal.Size current() {
        if (!Terminal.isTerminal(Terminal.STDOUT)) {
            return null;
        }
        try {
            return Terminal.size(Terminal.STDOUT);
        } catch (ErrnoException e) {
            return null;
        }
    }

    /**
     * Sends the size at once and whenever the terminal is resized; nothing when stdout is not a terminal.
     * One thread sends, always the size of the moment: a drag sends a burst of SIGWINCHs, and
     * concurrent requests could arrive out of order and leave a stale size.
     */
    public static void follow(Resizer resizer) {
        if (current() == null) {
            return;
        }
        // The handler goes in before the first size is read, so a resize at any moment is sent.
        var changed = new Semaphore(1);
        try {
            Signal.handle(new Signal("WINCH"), signal -> changed.release());
        } catch (IllegalArgumentException unavailable) {
            send(resizer); // no SIGWINCH here: the size stays what it is now
            return;
        }
        Thread.ofVirtual().name("wharf-winch").start(() -> {
            try {
                while (true) {
                    changed.acquire();
                    changed.drainPermits();
                    send(resizer);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static void send(Resizer resizer) {
        Terminal.Size size = current();
        if (size == null || size.rows() == 0 || size.cols() == 0) {
            return;
        }
        try {
            resizer.resize(size.rows(), size.cols());
        } catch (IOException | RuntimeException e) {
            // the container may have exited meanwhile; docker ignores this too
        }
    }
}
