package dev.wharf.engine.errors;

/** 409: Name in use, running container removed, image in use. */
public final class ConflictException extends EngineException {
    public ConflictException(String message) {
        super(409, message, null);
    }

    public ConflictException(String message, Throwable cause) {
        super(409, message, cause);
    }
}
