package dev.wharf.image;

/** A layer tar that cannot be applied safely or is malformed; the message names the entry. */
public final class LayerException extends ImageException {
    public LayerException(String message) {
        super(message);
    }

    public LayerException(String message, Throwable cause) {
        super(message, cause);
    }
}
