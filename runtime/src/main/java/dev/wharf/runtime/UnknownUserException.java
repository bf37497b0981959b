package dev.wharf.runtime;

import java.io.IOException;

/** The image has no such user or group; the message is Docker's ("unable to find user x: no matching entries in passwd file"). */
public final class UnknownUserException extends IOException {
    public UnknownUserException(String message) {
        super(message);
    }
}
