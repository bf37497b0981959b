package dev.wharf.image;

/** A short ID prefix that matches more than one image. */
public final class AmbiguousImageException extends ImageException {
    public AmbiguousImageException(String prefix) {
        super("Error response from daemon: multiple IDs found with provided prefix: " + prefix);
    }
}
