package dev.wharf.linux;

import java.io.IOException;

/** A failed system call: the call's name, its argument for context, and the kernel's errno. */
public final class ErrnoException extends IOException {
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EAGAIN = 11;
    public static final int EEXIST = 17;
    public static final int EINVAL = 22;
    public static final int EBUSY = 16;
    public static final int ENOTCONN = 107;
    public static final int ECONNREFUSED = 111;
    public static final int ENODATA = 61;

    private final int errno;

    public ErrnoException(String call, String subject, int errno) {
        super(call + " " + subject + ": " + Errno.describe(errno));
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
