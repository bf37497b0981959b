package dev.wharf.engine.containers;

import dev.wharf.engine.errors.EngineException;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.errors.SystemException;
import java.util.Locale;

/**
 * How Docker reports a start that failed in the OCI runtime (moby translateContainerdStartErr): the
 * message as containerd words it, the exit code the container gets, and the HTTP status. The CLI
 * derives its own exit code from the words "executable file not found" / "permission denied".
 */
final class StartErrors {
    static final int NOT_FOUND = 127;
    static final int NOT_EXECUTABLE = 126;
    static final int UNKNOWN = 128;

    record Failure(String message, int exitCode, boolean invalidConfig) {
        EngineException toException(Throwable cause) {
            return invalidConfig ? new InvalidArgumentException(message, cause) : new SystemException(message, cause);
        }
    }

    private StartErrors() {}

    /** @param runcMessage runc's own text, e.g. {@code runc create failed: unable to start container process: …} */
    static Failure fromRuntime(String runcMessage) {
        String text = runcMessage == null ? "" : runcMessage.strip();
        if (!text.startsWith("runc create failed")) {
            text = "runc create failed: " + text;
        }
        String message = "failed to create task for container: failed to create shim task: OCI runtime create failed: "
                + text + ": unknown";
        return classify(message);
    }

    /** Failures before the runtime ran (user lookup, rootfs): Docker reports the plain message. */
    static Failure fromDaemon(String message) {
        return classify(message);
    }

    private static Failure classify(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("executable file not found") || lower.contains("no such file or directory")) {
            return new Failure(message, NOT_FOUND, true);
        }
        if (lower.contains("permission denied")) {
            return new Failure(message, NOT_EXECUTABLE, true);
        }
        if (lower.contains("not a directory")) {
            return new Failure(message + ": Are you trying to mount a directory onto a file (or vice-versa)? "
                    + "Check if the specified host path exists and is the expected type", NOT_FOUND, true);
        }
        return new Failure(message, UNKNOWN, false);
    }
}
