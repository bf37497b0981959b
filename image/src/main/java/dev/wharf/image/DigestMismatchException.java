package dev.wharf.image;

/** Ingested content did not hash to, or was not as long as, what the caller expected; nothing was stored. */
public final class DigestMismatchException extends ImageException {
    public DigestMismatchException(String message) {
        super(message);
    }

    public static DigestMismatchException digest(Digest expected, Digest actual) {
        return new DigestMismatchException("unexpected commit digest " + actual + ", expected " + expected
                + ": failed precondition");
    }

    static DigestMismatchException size(Digest expected, long expectedSize, long actualSize) {
        return new DigestMismatchException("unexpected commit size " + actualSize + ", expected " + expectedSize
                + " for " + expected + ": failed precondition");
    }
}
