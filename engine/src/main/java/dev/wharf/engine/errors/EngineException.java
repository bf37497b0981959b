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

    /** The same failure with context in front, as moby's errors.Wrap: {@code prefix: message}, same status. */
    public static EngineException wrap(String prefix, EngineException e) {
        String message = prefix + ": " + e.getMessage();
        return switch (e) {
            case NotFoundException x -> new NotFoundException(message, x);
            case ConflictException x -> new ConflictException(message, x);
            case InvalidArgumentException x -> new InvalidArgumentException(message, x);
            case NotModifiedException x -> new NotModifiedException(message, x);
            case ForbiddenException x -> new ForbiddenException(message, x);
            case SystemException x -> new SystemException(message, x);
            default -> new SystemException(message, e);
        };
    }
}
