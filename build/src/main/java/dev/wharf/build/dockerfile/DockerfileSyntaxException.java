package dev.wharf.build.dockerfile;

import dev.wharf.build.BuildException;

/** The Dockerfile does not parse; the message names the line as Docker does. */
public final class DockerfileSyntaxException extends BuildException {
    private final int line;

    public DockerfileSyntaxException(int line, String message) {
        super(line > 0 ? "dockerfile parse error on line " + line + ": " + message : message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
