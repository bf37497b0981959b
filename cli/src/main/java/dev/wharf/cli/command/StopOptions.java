package dev.wharf.cli.command;

import picocli.CommandLine.Option;

/** The flags {@code stop} and {@code restart} share: how to stop the container. */
final class StopOptions {
    @Option(names = {"-s", "--signal"}, description = "Signal to send to the container.")
    String signal;

    @Option(names = {"-t", "--time", "--timeout"}, description = "Seconds to wait before killing the container.")
    Integer timeout;
}
