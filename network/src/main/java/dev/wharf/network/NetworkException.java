package dev.wharf.network;

import java.io.IOException;

/** A network operation failed; the message is meant for the user. */
public class NetworkException extends IOException {
    public NetworkException(String message) {
        super(message);
    }

    public NetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
