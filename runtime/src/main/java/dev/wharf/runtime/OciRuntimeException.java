package dev.wharf.runtime;

import java.io.IOException;

/** runc refused: the message is runc's own (e.g. {@code exec: "nope": executable file not found in $PATH}). */
public final class OciRuntimeException extends IOException {
    public OciRuntimeException(String message) {
        super(message);
    }
}
