package dev.wharf.engine.errors;

/** 403: An operation the object does not allow. */
public final class ForbiddenException extends EngineException {
    public ForbiddenException(String message) {
        super(403, message, null);
    }

    public ForbiddenException(String message, Throwable cause) {
        super(403, message, cause);
    }
}
