package dev.wharf.image;

/** A malformed image reference; messages follow Docker's ("invalid reference format…"). */
public final class InvalidReferenceException extends IllegalArgumentException {
    public InvalidReferenceException(String message) {
        super(message);
    }

    static InvalidReferenceException format() {
        return new InvalidReferenceException("invalid reference format");
    }
}
