package dev.wharf.cli.command;

import picocli.CommandLine.Command;

/** {@code wharf system …}: the group of system-wide commands. */
@Command(name = "system", mixinStandardHelpOptions = true, description = "Manage Docker.",
        subcommands = {SystemDfCommand.class, SystemPruneCommand.class})
public final class SystemCommand extends CommandGroup {
}
