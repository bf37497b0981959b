package dev.wharf.engine.errors;

/**
 * The closed set of failures the Engine API reports, each with Docker's status code. The HTTP layer
 * maps them to {@code {"message": …}} replies in one place; anything else becomes a 500.
 */
public sealed class EngineException extends RuntimeException
        permits NotFoundException, ConflictException, InvalidArgumentException, NotModifiedException,
                ForbiddenException, SystemException {
    private final int status;

    EngineException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
