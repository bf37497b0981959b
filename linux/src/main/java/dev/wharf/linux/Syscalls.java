package dev.wharf.linux;

import static dev.wharf.linux.Native.ADDRESS;
import static dev.wharf.linux.Native.INT;
import static dev.wharf.linux.Native.LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * File-system system calls the JDK does not offer: mount, mknod, extended attributes, lchown.
 * Each failure becomes an {@link ErrnoException} naming the call and its path.
 */
public final class Syscalls {
    public static final long MS_RDONLY = 1;
    public static final long MS_NOSUID = 2;
    public static final long MS_NODEV = 4;
    public static final long MS_NOEXEC = 8;
    public static final long MS_REMOUNT = 32;
    public static final long MS_BIND = 4096;
    public static final long MS_REC = 16384;
    public static final long MS_PRIVATE = 1 << 18;

    public static final int MNT_DETACH = 2;

    public static final int S_IFCHR = 0020000;
    public static final int S_IFIFO = 0010000;

    private static final MethodHandle MOUNT = Native.bind("mount",
            FunctionDescriptor.of(INT, ADDRESS, ADDRESS, ADDRESS, LONG, ADDRESS));
    private static final MethodHandle UMOUNT2 = Native.bind("umount2",
            FunctionDescriptor.of(INT, ADDRESS, INT));
    private static final MethodHandle MKNOD = Native.bind("mknod",
            FunctionDescriptor.of(INT, ADDRESS, INT, LONG));
    private static final MethodHandle LSETXATTR = Native.bind("lsetxattr",
            FunctionDescriptor.of(INT, ADDRESS, ADDRESS, ADDRESS, LONG, INT));
    private static final MethodHandle LGETXATTR = Native.bind("lgetxattr",
            FunctionDescriptor.of(LONG, ADDRESS, ADDRESS, ADDRESS, LONG));
    private static final MethodHandle LCHOWN = Native.bind("lchown",
            FunctionDescriptor.of(INT, ADDRESS, INT, INT));
    private static final MethodHandle CHMOD = Native.bind("chmod",
            FunctionDescriptor.of(INT, ADDRESS, INT));
    private static final MethodHandle UTIMENSAT = Native.bind("utimensat",
            FunctionDescriptor.of(INT, INT, ADDRESS, ADDRESS, INT));
    private static final int AT_FDCWD = -100;
    private static final int AT_SYMLINK_NOFOLLOW = 0x100;

    private Syscalls() {}

    public static void mount(String source, Path target, String fsType, long flags, String data)
            throws ErrnoException {
        Native.call("mount", target.toString(), (arena, errno) -> (int) MOUNT.invokeExact(errno,
                Native.cString(arena, source), Native.cString(arena, target.toString()),
                Native.cString(arena, fsType), flags, Native.cString(arena, data)));
    }

    public static void unmount(Path target, int flags) throws ErrnoException {
        Native.call("umount2", target.toString(), (arena, errno) ->
                (int) UMOUNT2.invokeExact(errno, Native.cString(arena, target.toString()), flags));
    }

    /** mknod(2); {@code dev} is {@link #makedev}(major, minor). */
    public static void mknod(Path path, int mode, long dev) throws ErrnoException {
        Native.call("mknod", path.toString(), (arena, errno) ->
                (int) MKNOD.invokeExact(errno, Native.cString(arena, path.toString()), mode, dev));
    }

    /** mkfifo(3), as mknod(2) of a FIFO ({@code mode}: the permission bits, before the umask). */
    public static void mkfifo(Path path, int mode) throws ErrnoException {
        mknod(path, S_IFIFO | mode, 0);
    }

    public static long makedev(int major, int minor) {
        return ((long) (major & 0xfffff000) << 32) | ((long) (major & 0xfff) << 8)
                | ((long) (minor & 0xffffff00) << 12) | (minor & 0xff);
    }

    /** Sets an extended attribute on the path itself (not on a symlink's target). */
    public static void setXattr(Path path, String name, byte[] value) throws ErrnoException {
        Native.call("lsetxattr " + name, path.toString(), (arena, errno) -> (int) LSETXATTR.invokeExact(errno,
                Native.cString(arena, path.toString()), Native.cString(arena, name),
                arena.allocateFrom(ValueLayout.JAVA_BYTE, value), (long) value.length, 0));
    }

    /** The attribute's value, or null when the path has no such attribute. */
    public static byte[] getXattr(Path path, String name) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Native.errnoSlot(arena);
            MemorySegment buffer = arena.allocate(65536);
            long n = (long) LGETXATTR.invokeExact(errno, Native.cString(arena, path.toString()),
                    Native.cString(arena, name), buffer, buffer.byteSize());
            if (n >= 0) {
                return buffer.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
            }
            int code = Native.errno(errno);
            if (code == ErrnoException.ENODATA) {
                return null;
            }
            throw new ErrnoException("lgetxattr " + name, path.toString(), code);
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Changes the owner of the path itself, never following a symlink. */
    public static void lchown(Path path, int uid, int gid) throws ErrnoException {
        Native.call("lchown", path.toString(), (arena, errno) ->
                (int) LCHOWN.invokeExact(errno, Native.cString(arena, path.toString()), uid, gid));
    }

    /**
     * chmod(2) with all 12 mode bits (setuid, setgid, sticky included); unlike the JDK's
     * {@code unix:mode} it never opens the file, so it works on FIFOs and devices. Follows a
     * symlink, so callers pass paths they know are not one.
     */
    public static void chmod(Path path, int mode) throws ErrnoException {
        Native.call("chmod", path.toString(), (arena, errno) ->
                (int) CHMOD.invokeExact(errno, Native.cString(arena, path.toString()), mode));
    }

    /**
     * Sets access and modification time of the path itself (utimensat with AT_SYMLINK_NOFOLLOW);
     * unlike the JDK's setTimes it never opens the file, so it works on symlinks, FIFOs and devices.
     */
    public static void setTimes(Path path, java.time.Instant time) throws ErrnoException {
        Native.call("utimensat", path.toString(), (arena, errno) -> {
            MemorySegment times = arena.allocate(LONG, 4);
            for (int i = 0; i < 2; i++) {
                times.setAtIndex(LONG, 2L * i, time.getEpochSecond());
                times.setAtIndex(LONG, 2L * i + 1, time.getNano());
            }
            return (int) UTIMENSAT.invokeExact(errno, AT_FDCWD, Native.cString(arena, path.toString()),
                    times, AT_SYMLINK_NOFOLLOW);
        });
    }
}
