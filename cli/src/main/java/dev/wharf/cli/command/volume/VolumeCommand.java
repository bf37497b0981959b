package dev.wharf.cli.command.volume;

import dev.wharf.cli.command.CommandGroup;
import picocli.CommandLine.Command;

/** {@code wharf volume}: the group; without a subcommand it prints its usage, as docker does. */
@Command(name = "volume", mixinStandardHelpOptions = true, description = "Manage volumes.",
        subcommands = {VolumeCreateCommand.class, VolumeInspectCommand.class, VolumeLsCommand.class,
                VolumePruneCommand.class, VolumeRmCommand.class})
public final class VolumeCommand extends CommandGroup {
}
