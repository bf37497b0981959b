package dev.wharf.cli.command.network;

import dev.wharf.cli.command.CommandGroup;
import picocli.CommandLine.Command;

/** {@code wharf network}: the group; without a subcommand it prints its usage, as docker does. */
@Command(name = "network", mixinStandardHelpOptions = true, description = "Manage networks.",
        subcommands = {NetworkConnectCommand.class, NetworkCreateCommand.class, NetworkDisconnectCommand.class,
                NetworkInspectCommand.class, NetworkLsCommand.class, NetworkPruneCommand.class, NetworkRmCommand.class})
public final class NetworkCommand extends CommandGroup {
}
