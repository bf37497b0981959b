package dev.wharf.cli.command.volume;

import dev.wharf.cli.WharfCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code wharf volume}: the group; without a subcommand it prints its usage, as docker does. */
@Command(name = "volume", mixinStandardHelpOptions = true, description = "Manage volumes.",
        subcommands = {VolumeCreateCommand.class, VolumeInspectCommand.class, VolumeLsCommand.class,
                VolumePruneCommand.class, VolumeRmCommand.class})
public final class VolumeCommand implements Callable<Integer> {
    @ParentCommand
    WharfCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(root.streams().out());
        return 0;
    }
}
