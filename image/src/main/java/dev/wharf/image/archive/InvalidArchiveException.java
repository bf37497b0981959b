package dev.wharf.image.archive;

import dev.wharf.image.ImageException;

/** A load archive that is not a docker-archive or OCI layout, or whose content does not match its digests. */
public final class InvalidArchiveException extends ImageException {
    public InvalidArchiveException(String message) {
        super(message);
    }

    public InvalidArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
