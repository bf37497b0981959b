package dev.wharf.image;

/** A {@code docker import --change} instruction that Docker would reject, with Docker's wording. */
public final class InvalidChangeException extends IllegalArgumentException {
    public InvalidChangeException(String message) {
        super(message);
    }
}
