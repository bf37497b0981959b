package dev.wharf.cli.command.builder;

import dev.wharf.cli.command.CommandGroup;
import picocli.CommandLine.Command;

/** {@code wharf builder …}: the build cache. */
@Command(name = "builder", mixinStandardHelpOptions = true, description = "Manage builds.",
        subcommands = {BuilderPruneCommand.class})
public final class BuilderCommand extends CommandGroup {
}
