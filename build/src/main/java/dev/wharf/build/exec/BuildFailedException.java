package dev.wharf.build.exec;

import dev.wharf.build.BuildException;

/** A RUN that exited non-zero: the message is Docker's and the code its exit code (errorDetail.code). */
public final class BuildFailedException extends BuildException {
    private final int exitCode;

    public BuildFailedException(String command, int exitCode) {
        super("The command '" + command + "' returned a non-zero code: " + exitCode);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
