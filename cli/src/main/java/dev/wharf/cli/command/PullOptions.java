package dev.wharf.cli.command;

import picocli.CommandLine.Option;

/** {@code --pull} and {@code --platform} of run and create. */
final class PullOptions {
    @Option(names = "--pull", description = "Pull image before running (\"always\", \"missing\", \"never\").")
    String policy = "missing";

    @Option(names = "--platform", description = "Set platform if server is multi-platform capable.")
    String platform;
}
