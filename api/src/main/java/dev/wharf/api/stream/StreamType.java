package dev.wharf.api.stream;

/** The stream a multiplexed frame belongs to; the ordinal is the byte on the wire. */
public enum StreamType {
    STDIN,
    STDOUT,
    STDERR,
    /** Daemon-side error text (moby stdcopy "systemerr"). */
    SYSTEMERR;

    private static final StreamType[] BY_CODE = values();

    public int code() {
        return ordinal();
    }

    public static StreamType ofCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("unknown stream type " + code);
        }
        return BY_CODE[code];
    }
}
