package dev.wharf.cli.command;

import picocli.CommandLine.Option;

/** The flags of every attached session (run, attach): detach keys and the signal proxy. */
final class SessionOptions {
    @Option(names = "--detach-keys", description = "Override the key sequence for detaching a container.")
    String detachKeys;

    @Option(names = "--sig-proxy", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Proxy received signals to the process (non-TTY only).")
    boolean sigProxy = true;
}
