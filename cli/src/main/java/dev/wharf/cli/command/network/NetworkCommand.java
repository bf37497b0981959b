package dev.wharf.cli.command.network;

import dev.wharf.cli.WharfCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code wharf network}: the group; without a subcommand it prints its usage, as docker does. */
@Command(name = "network", mixinStandardHelpOptions = true, description = "Manage networks.",
        subcommands = {NetworkConnectCommand.class, NetworkCreateCommand.class, NetworkDisconnectCommand.class,
                NetworkInspectCommand.class, NetworkLsCommand.class, NetworkPruneCommand.class, NetworkRmCommand.class})
public final class NetworkCommand implements Callable<Integer> {
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
