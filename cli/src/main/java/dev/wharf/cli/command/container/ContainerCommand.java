package dev.wharf.cli.command.container;

import dev.wharf.cli.command.CommandGroup;
import picocli.CommandLine.Command;

/** {@code wharf container}: the group; without a subcommand it prints its usage, as docker does. */
@Command(name = "container", mixinStandardHelpOptions = true, description = "Manage containers.",
        subcommands = {ContainerPruneCommand.class})
public final class ContainerCommand extends CommandGroup {
}
