package dev.wharf.engine.errors;

/** 500: Anything the daemon could not do. */
public final class SystemException extends EngineException {
    public SystemException(String message) {
        super(500, message, null);
    }

    public SystemException(String message, Throwable cause) {
        super(500, message, cause);
    }
}
