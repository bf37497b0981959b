package dev.wharf.linux;

import static dev.wharf.linux.Native.ADDRESS;
import static dev.wharf.linux.Native.INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.List;

/**
 * An overlay mount through the new mount API (fsopen, fsconfig, fsmount, move_mount; Linux 6.8+ for
 * {@code lowerdir+}): each lower directory is its own parameter, so the number of layers is not limited
 * by mount(2)'s one page of options (about 35 layers with absolute paths), only by overlayfs's own limit.
 */
public final class OverlayMount {
    private static final int FSOPEN_CLOEXEC = 1;
    private static final int FSMOUNT_CLOEXEC = 1;
    private static final int FSCONFIG_SET_STRING = 1;
    private static final int FSCONFIG_CMD_CREATE = 6;
    private static final int MOVE_MOUNT_F_EMPTY_PATH = 4;
    private static final int AT_FDCWD = -100;

    private static final MethodHandle FSOPEN = Native.bind("fsopen", FunctionDescriptor.of(INT, ADDRESS, INT));
    private static final MethodHandle FSCONFIG = Native.bind("fsconfig",
            FunctionDescriptor.of(INT, INT, INT, ADDRESS, ADDRESS, INT));
    private static final MethodHandle FSMOUNT = Native.bind("fsmount", FunctionDescriptor.of(INT, INT, INT, INT));
    private static final MethodHandle MOVE_MOUNT = Native.bind("move_mount",
            FunctionDescriptor.of(INT, INT, ADDRESS, INT, ADDRESS, INT));
    private static final MethodHandle CLOSE = Native.bind("close", FunctionDescriptor.of(INT, INT));

    private OverlayMount() {}

    /** Mounts overlayfs at {@code target}; {@code lowerTopFirst} in overlay's order (the top layer first). */
    public static void mount(Path target, List<Path> lowerTopFirst, Path upper, Path work) throws ErrnoException {
        int fs = Native.call("fsopen", "overlay", (arena, errno) ->
                (int) FSOPEN.invokeExact(errno, Native.cString(arena, "overlay"), FSOPEN_CLOEXEC));
        try {
            for (Path lower : lowerTopFirst) {
                set(fs, "lowerdir+", lower.toString());
            }
            set(fs, "upperdir", upper.toString());
            set(fs, "workdir", work.toString());
            Native.call("fsconfig create", target.toString(), (arena, errno) -> (int) FSCONFIG.invokeExact(errno, fs,
                    FSCONFIG_CMD_CREATE, MemorySegment.NULL, MemorySegment.NULL, 0));
            int mnt = Native.call("fsmount", target.toString(), (arena, errno) ->
                    (int) FSMOUNT.invokeExact(errno, fs, FSMOUNT_CLOEXEC, 0));
            try {
                Native.call("move_mount", target.toString(), (arena, errno) -> (int) MOVE_MOUNT.invokeExact(errno,
                        mnt, Native.cString(arena, ""), AT_FDCWD, Native.cString(arena, target.toString()),
                        MOVE_MOUNT_F_EMPTY_PATH));
            } finally {
                close(mnt);
            }
        } finally {
            close(fs);
        }
    }

    private static void set(int fs, String key, String value) throws ErrnoException {
        Native.call("fsconfig " + key, value, (arena, errno) -> (int) FSCONFIG.invokeExact(errno, fs,
                FSCONFIG_SET_STRING, Native.cString(arena, key), Native.cString(arena, value), 0));
    }

    private static void close(int fd) {
        try {
            Native.call("close", Integer.toString(fd), (arena, errno) -> (int) CLOSE.invokeExact(errno, fd));
        } catch (ErrnoException e) {
            // nothing to do about a failed close of a mount context
        }
    }
}
