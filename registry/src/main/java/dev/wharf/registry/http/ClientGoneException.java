package dev.wharf.registry.http;

import java.io.IOException;

/** The client closed the connection before its request body (or our response) was complete. */
public final class ClientGoneException extends IOException {
    public ClientGoneException(String message) {
        super(message);
    }

    /** A fact about the client, not about our code: a stack trace would only cost time. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
