package dev.wharf.linux;

import static dev.wharf.linux.Native.ADDRESS;
import static dev.wharf.linux.Native.INT;
import static dev.wharf.linux.Native.LONG;

import java.io.Closeable;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A connected AF_UNIX SOCK_SEQPACKET socket: each receive returns exactly one message.
 * The JDK's Unix channels are stream-only, and conmon's attach socket is seqpacket.
 * The path is reached through /proc/self/fd so bundle paths longer than sun_path still work.
 * Reads block the calling thread inside native code: call them from a platform thread.
 */
public final class SeqPacketSocket implements Closeable {
    private static final int AF_UNIX = 1;
    private static final int SOCK_SEQPACKET = 5;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int O_PATH = 0x200000;
    private static final int O_CLOEXEC = 0x80000;
    private static final int SHUT_WR = 1;
    private static final int MSG_NOSIGNAL = 0x4000;
    private static final int SUN_PATH_OFFSET = 2;
    private static final int SOCKADDR_UN_SIZE = 110;

    private static final MethodHandle SOCKET = Native.bind("socket", FunctionDescriptor.of(INT, INT, INT, INT));
    private static final MethodHandle CONNECT = Native.bind("connect", FunctionDescriptor.of(INT, INT, ADDRESS, INT));
    private static final MethodHandle OPEN = Native.bind("open", FunctionDescriptor.of(INT, ADDRESS, INT));
    private static final MethodHandle CLOSE = Native.bind("close", FunctionDescriptor.of(INT, INT));
    private static final MethodHandle RECV = Native.bind("recv", FunctionDescriptor.of(LONG, INT, ADDRESS, LONG, INT));
    private static final MethodHandle SEND = Native.bind("send", FunctionDescriptor.of(LONG, INT, ADDRESS, LONG, INT));
    private static final MethodHandle SHUTDOWN = Native.bind("shutdown", FunctionDescriptor.of(INT, INT, INT));

    private final int fd;
    private volatile boolean closed;

    private SeqPacketSocket(int fd) {
        this.fd = fd;
    }

    public static SeqPacketSocket connect(Path path) throws ErrnoException {
        int pathFd = Native.call("open", path.toString(), (arena, errno) ->
                (int) OPEN.invokeExact(errno, Native.cString(arena, path.toString()), O_PATH | O_CLOEXEC));
        try {
            int fd = Native.call("socket", path.toString(), (arena, errno) ->
                    (int) SOCKET.invokeExact(errno, AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0));
            try {
                String viaProc = "/proc/self/fd/" + pathFd;
                Native.call("connect", path.toString(), (arena, errno) -> {
                    MemorySegment address = arena.allocate(SOCKADDR_UN_SIZE);
                    address.set(ValueLayout.JAVA_SHORT, 0, (short) AF_UNIX);
                    address.setString(SUN_PATH_OFFSET, viaProc);
                    return (int) CONNECT.invokeExact(errno, fd, address, SOCKADDR_UN_SIZE);
                });
                return new SeqPacketSocket(fd);
            } catch (ErrnoException e) {
                closeQuietly(fd);
                throw e;
            }
        } finally {
            closeQuietly(pathFd);
        }
    }

    /** Receives one message into {@code into} (from its position); returns its length, or -1 at end of stream. */
    public int receive(ByteBuffer into) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(into.remaining());
            MemorySegment errno = Native.errnoSlot(arena);
            long n;
            do {
                n = (long) RECV.invokeExact(errno, fd, buffer, buffer.byteSize(), 0);
            } while (n < 0 && Native.errno(errno) == ErrnoException.EINTR);
            if (n < 0) {
                if (closed) {
                    return -1;
                }
                throw new ErrnoException("recv", "attach socket", Native.errno(errno));
            }
            if (n == 0) {
                return -1;
            }
            into.put(buffer.asSlice(0, n).asByteBuffer());
            return (int) n;
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Sends the bytes as one message. */
    public void send(byte[] data, int offset, int length) throws ErrnoException {
        Native.call("send", "attach socket", (arena, errno) -> {
            MemorySegment buffer = arena.allocate(Math.max(1, length));
            MemorySegment.copy(data, offset, buffer, ValueLayout.JAVA_BYTE, 0, length);
            return (int) (long) SEND.invokeExact(errno, fd, buffer, (long) length, MSG_NOSIGNAL);
        });
    }

    /** Half-closes: the peer sees end of input, and messages keep arriving. */
    public void shutdownOutput() throws ErrnoException {
        Native.call("shutdown", "attach socket", (arena, errno) -> (int) SHUTDOWN.invokeExact(errno, fd, SHUT_WR));
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                // Wake a thread blocked in recv before the descriptor goes away.
                Native.call("shutdown", "attach socket", (arena, errno) -> (int) SHUTDOWN.invokeExact(errno, fd, 2));
            } catch (ErrnoException ignored) {
                // already disconnected
            }
            closeQuietly(fd);
        }
    }

    private static void closeQuietly(int fd) {
        try {
            Native.call("close", "fd", (arena, errno) -> (int) CLOSE.invokeExact(errno, fd));
        } catch (ErrnoException ignored) {
            // nothing useful to do: the descriptor is gone either way
        }
    }
}
