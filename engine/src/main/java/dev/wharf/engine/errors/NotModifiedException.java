package dev.wharf.engine.errors;

/** 304: Start of a running container, stop of a stopped one. */
public final class NotModifiedException extends EngineException {
    public NotModifiedException(String message) {
        super(304, message, null);
    }

    public NotModifiedException(String message, Throwable cause) {
        super(304, message, cause);
    }
}
