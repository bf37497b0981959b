package dev.wharf.linux;

import java.lang.foreign.Arena;

/** Deleting a Linux bridge the way brctl does: down (SIOCSIFFLAGS), then SIOCBRDELBR. */
public final class Bridges {
    private static final long SIOCBRDELBR = 0x89a1;

    private Bridges() {}

    /** Deletes the bridge; a bridge that does not exist is fine. */
    public static void delete(String name) throws ErrnoException {
        try (NetInterfaces interfaces = new NetInterfaces(); Arena arena = Arena.ofConfined()) {
            try {
                interfaces.setUp(name, false);
            } catch (ErrnoException e) {
                if (e.errno() == NetInterfaces.ENODEV || e.errno() == NetInterfaces.ENXIO) {
                    return;
                }
                throw e;
            }
            interfaces.ioctl(SIOCBRDELBR, arena.allocateFrom(name), name);
        }
    }
}
