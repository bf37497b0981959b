package dev.wharf.linux;

import static dev.wharf.linux.Native.ADDRESS;
import static dev.wharf.linux.Native.INT;
import static dev.wharf.linux.Native.LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;

/**
 * Network interfaces through the classic ioctls on an AF_INET socket, which acts in the network
 * namespace of the thread that opened it: SIOCGIFFLAGS/SIOCSIFFLAGS, and any other request on a
 * {@code struct ifreq} or a name.
 */
final class NetInterfaces implements AutoCloseable {
    static final int ENXIO = 6;
    static final int ENODEV = 19;
    private static final int AF_INET = 2;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 02000000;
    private static final long SIOCGIFFLAGS = 0x8913;
    private static final long SIOCSIFFLAGS = 0x8914;
    private static final short IFF_UP = 1;
    /** struct ifreq: a 16-byte name, then a union (ifr_flags is a short at offset 16). */
    private static final int IFREQ_SIZE = 40;

    private static final MethodHandle SOCKET = Native.bind("socket", FunctionDescriptor.of(INT, INT, INT, INT));
    private static final MethodHandle IOCTL = Native.bind("ioctl", FunctionDescriptor.of(INT, INT, LONG, ADDRESS));
    private static final MethodHandle CLOSE = Native.bind("close", FunctionDescriptor.of(INT, INT));

    private final int fd;

    /** A socket in the calling thread's network namespace. */
    NetInterfaces() throws ErrnoException {
        fd = Native.call("socket", "AF_INET", (arena, errno) ->
                (int) SOCKET.invokeExact(errno, AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    }

    /** Sets or clears IFF_UP, leaving the other flags as they are. */
    void setUp(String name, boolean up) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ifreq = arena.allocate(IFREQ_SIZE);
            byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
            MemorySegment.copy(bytes, 0, ifreq, ValueLayout.JAVA_BYTE, 0, Math.min(bytes.length, 15));
            ioctl(SIOCGIFFLAGS, ifreq, name);
            short flags = ifreq.get(ValueLayout.JAVA_SHORT, 16);
            ifreq.set(ValueLayout.JAVA_SHORT, 16, (short) (up ? flags | IFF_UP : flags & ~IFF_UP));
            ioctl(SIOCSIFFLAGS, ifreq, name);
        }
    }

    void ioctl(long request, MemorySegment arg, String name) throws ErrnoException {
        Native.call("ioctl", name, (arena, errno) -> (int) IOCTL.invokeExact(errno, fd, request, arg));
    }

    @Override
    public void close() throws ErrnoException {
        Native.call("close", "socket", (arena, errno) -> (int) CLOSE.invokeExact(errno, fd));
    }
}
