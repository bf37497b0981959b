package dev.wharf.engine.errors;

/** 400: Bad parameters, bad references, failed OCI start. */
public final class InvalidArgumentException extends EngineException {
    public InvalidArgumentException(String message) {
        super(400, message, null);
    }

    public InvalidArgumentException(String message, Throwable cause) {
        super(400, message, cause);
    }
}
