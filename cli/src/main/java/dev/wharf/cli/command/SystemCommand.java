package dev.wharf.cli.command;

import picocli.CommandLine.Command;

/** {@code wharf system …}. */
@Command(name = "system", mixinStandardHelpOptions = true, description = "Manage Docker.",
        subcommands = {SystemDfCommand.class, SystemPruneCommand.class})
public final class SystemCommand implements Runnable {
    @Override
    public void run() {
        // a group: picocli prints usage when no subcommand is given
    }
}
