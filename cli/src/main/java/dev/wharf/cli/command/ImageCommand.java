package dev.wharf.cli.command;

import picocli.CommandLine.Command;

/** {@code wharf image …}: the management form of the image commands. */
@Command(name = "image", mixinStandardHelpOptions = true, description = "Manage images.",
        subcommands = {ImagePruneCommand.class, HistoryCommand.class, SaveCommand.class, LoadCommand.class,
            PullCommand.class, PushCommand.class})
public final class ImageCommand extends CommandGroup {
}
