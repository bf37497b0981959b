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

/** Deleting a Linux bridge the way brctl does: down (SIOCSIFFLAGS), then SIOCBRDELBR. */
public final class Bridges {
    private static final int AF_INET = 2;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 02000000;
    private static final long SIOCGIFFLAGS = 0x8913;
    private static final long SIOCSIFFLAGS = 0x8914;
    private static final long SIOCBRDELBR = 0x89a1;
    private static final short IFF_UP = 1;
    private static final int ENXIO = 6;
    private static final int ENODEV = 19;
    /** struct ifreq: a 16-byte name, then a union (ifr_flags is a short at offset 16). */
    private static final int IFREQ_SIZE = 40;

    private static final MethodHandle SOCKET = Native.bind("socket", FunctionDescriptor.of(INT, INT, INT, INT));
    private static final MethodHandle IOCTL = Native.bind("ioctl", FunctionDescriptor.of(INT, INT, LONG, ADDRESS));
    private static final MethodHandle CLOSE = Native.bind("close", FunctionDescriptor.of(INT, INT));

    private Bridges() {}

    /** Deletes the bridge; a bridge that does not exist is fine. */
    public static void delete(String name) throws ErrnoException {
        int fd = Native.call("socket", "AF_INET", (arena, errno) ->
                (int) SOCKET.invokeExact(errno, AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ifreq = arena.allocate(IFREQ_SIZE);
            byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
            MemorySegment.copy(bytes, 0, ifreq, ValueLayout.JAVA_BYTE, 0, Math.min(bytes.length, 15));
            try {
                ioctl(fd, SIOCGIFFLAGS, ifreq, name);
            } catch (ErrnoException e) {
                if (e.errno() == ENODEV || e.errno() == ENXIO) {
                    return;
                }
                throw e;
            }
            short flags = ifreq.get(ValueLayout.JAVA_SHORT, 16);
            ifreq.set(ValueLayout.JAVA_SHORT, 16, (short) (flags & ~IFF_UP));
            ioctl(fd, SIOCSIFFLAGS, ifreq, name);
            ioctl(fd, SIOCBRDELBR, arena.allocateFrom(name), name);
        } finally {
            Native.call("close", name, (arena, errno) -> (int) CLOSE.invokeExact(errno, fd));
        }
    }

    private static void ioctl(int fd, long request, MemorySegment arg, String name) throws ErrnoException {
        Native.call("ioctl", name, (arena, errno) -> (int) IOCTL.invokeExact(errno, fd, request, arg));
    }
}
