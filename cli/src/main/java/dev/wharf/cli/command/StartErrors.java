package dev.wharf.cli.command;

import java.util.Locale;

/** docker run's exit codes for a container that could not be started (cli run.go). */
final class StartErrors {

    private StartErrors() {}

    static int exitCode(String message) {
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (lower.contains("executable file not found") || lower.contains("no such file or directory")) {
            return 127;
        }
        if (lower.contains("permission denied")) {
            return 126;
        }
        return 125;
    }
}
