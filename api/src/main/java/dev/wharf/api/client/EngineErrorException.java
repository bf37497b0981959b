package dev.wharf.api.client;

import java.io.IOException;

/** The daemon answered with a non-2xx status; {@link #getMessage()} is its {@code message}. */
public class EngineErrorException extends IOException {

    private final int status;

    public EngineErrorException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
