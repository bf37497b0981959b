package dev.wharf.runtime.volume;

import java.io.IOException;

/** A volume operation the store refuses; {@link Kind} tells the engine which API error it is. */
public final class VolumeException extends IOException {
    public enum Kind { NOT_FOUND, CONFLICT, INVALID }

    private final Kind kind;

    public VolumeException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
