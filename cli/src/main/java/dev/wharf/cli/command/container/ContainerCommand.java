package dev.wharf.cli.command.container;

import dev.wharf.cli.WharfCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code wharf container}: the group; without a subcommand it prints its usage, as docker does. */
@Command(name = "container", mixinStandardHelpOptions = true, description = "Manage containers.",
        subcommands = {ContainerPruneCommand.class})
public final class ContainerCommand implements Callable<Integer> {
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
