package dev.wharf.build;

import java.io.IOException;

/** A build that cannot go on: bad Dockerfile, missing source, failing step. The message is Docker's wording. */
public class BuildException extends IOException {
    public BuildException(String message) {
        super(message);
    }

    public BuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
