package dev.wharf.engine.errors;

/** 404: No such container / image / route. */
public final class NotFoundException extends EngineException {
    public NotFoundException(String message) {
        super(404, message, null);
    }

    public NotFoundException(String message, Throwable cause) {
        super(404, message, cause);
    }
}
