package dev.wharf.linux;

import static dev.wharf.linux.Native.ADDRESS;
import static dev.wharf.linux.Native.INT;
import static dev.wharf.linux.Native.LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The controlling terminal of the CLI: whether a descriptor is one, its size, and raw mode (what
 * {@code docker run -it} does to the user's terminal, so keystrokes reach the container unchanged).
 */
public final class Terminal {
    public static final int STDIN = 0;
    public static final int STDOUT = 1;

    /** struct termios is 60 bytes on Linux x86-64 and aarch64; treated as opaque. */
    private static final long TERMIOS_SIZE = 64;
    private static final int TCSANOW = 0;
    private static final long TIOCGWINSZ = 0x5413;
    private static final long TIOCSWINSZ = 0x5414;
    private static final int O_RDWR = 2;
    private static final int O_NOCTTY = 0x100;
    private static final int O_CLOEXEC = 0x80000;

    private static final MethodHandle ISATTY = Native.bind("isatty", FunctionDescriptor.of(INT, INT));
    private static final MethodHandle TCGETATTR = Native.bind("tcgetattr", FunctionDescriptor.of(INT, INT, ADDRESS));
    private static final MethodHandle TCSETATTR = Native.bind("tcsetattr", FunctionDescriptor.of(INT, INT, INT, ADDRESS));
    private static final MethodHandle CFMAKERAW = Native.bind("cfmakeraw", FunctionDescriptor.ofVoid(ADDRESS));
    private static final MethodHandle OPEN = Native.bind("open", FunctionDescriptor.of(INT, ADDRESS, INT));
    private static final MethodHandle CLOSE = Native.bind("close", FunctionDescriptor.of(INT, INT));
    private static final MethodHandle IOCTL = Native.bindVariadic("ioctl", FunctionDescriptor.of(INT, INT, LONG, ADDRESS), 2);

    /** Rows and columns. */
    public record Size(int rows, int cols) {}

    /** Restores the terminal's previous mode; idempotent. */
    public interface Restore extends AutoCloseable {
        @Override
        void close();
    }

    private Terminal() {}

    public static boolean isTerminal(int fd) {
        try {
            return Native.call("isatty", "fd " + fd, (arena, errno) -> (int) ISATTY.invokeExact(errno, fd) == 1 ? 0 : -1) == 0;
        } catch (ErrnoException notATerminal) {
            return false;
        }
    }

    public static Size size(int fd) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment winsize = arena.allocate(8); // unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel
            Native.call("ioctl TIOCGWINSZ", "fd " + fd, (a, errno) -> (int) IOCTL.invokeExact(errno, fd, TIOCGWINSZ, winsize));
            return new Size(Short.toUnsignedInt(winsize.get(ValueLayout.JAVA_SHORT, 0)),
                    Short.toUnsignedInt(winsize.get(ValueLayout.JAVA_SHORT, 2)));
        }
    }

    /**
     * Sets the size of the terminal at {@code tty} (either end of a pty), without making it our
     * controlling terminal: how a TTY gets its size before anyone reads it.
     */
    public static void setSize(java.nio.file.Path tty, int rows, int cols) throws ErrnoException {
        int fd = Native.call("open", tty.toString(), (arena, errno) ->
                (int) OPEN.invokeExact(errno, Native.cString(arena, tty.toString()), O_RDWR | O_NOCTTY | O_CLOEXEC));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment winsize = arena.allocate(8);
            winsize.set(ValueLayout.JAVA_SHORT, 0, (short) rows);
            winsize.set(ValueLayout.JAVA_SHORT, 2, (short) cols);
            Native.call("ioctl TIOCSWINSZ", tty.toString(), (a, errno) -> (int) IOCTL.invokeExact(errno, fd, TIOCSWINSZ, winsize));
        } finally {
            Native.call("close", tty.toString(), (arena, errno) -> (int) CLOSE.invokeExact(errno, fd));
        }
    }

    /** cfmakeraw(3) on {@code fd}: no echo, no line editing, no signals from keys, bytes as typed. */
    public static Restore makeRaw(int fd) throws ErrnoException {
        Arena arena = Arena.ofShared();
        MemorySegment saved = arena.allocate(TERMIOS_SIZE);
        try {
            Native.call("tcgetattr", "fd " + fd, (a, errno) -> (int) TCGETATTR.invokeExact(errno, fd, saved));
            MemorySegment raw = arena.allocate(TERMIOS_SIZE);
            raw.copyFrom(saved);
            Native.call("tcsetattr", "fd " + fd, (a, errno) -> {
                CFMAKERAW.invokeExact(errno, raw);
                return (int) TCSETATTR.invokeExact(errno, fd, TCSANOW, raw);
            });
        } catch (ErrnoException | RuntimeException e) {
            arena.close();
            throw e;
        }
        return new Restore() {
            private boolean restored;

            @Override
            public synchronized void close() {
                if (restored) {
                    return;
                }
                restored = true;
                try {
                    Native.call("tcsetattr", "fd " + fd, (a, errno) -> (int) TCSETATTR.invokeExact(errno, fd, TCSANOW, saved));
                } catch (ErrnoException ignored) {
                    // the terminal went away: nothing left to restore
                } finally {
                    arena.close();
                }
            }
        };
    }
}
