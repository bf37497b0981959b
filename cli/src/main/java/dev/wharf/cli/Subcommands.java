package dev.wharf.cli;

import dev.wharf.cli.command.AttachCommand;
import dev.wharf.cli.command.BuildCommand;
import dev.wharf.cli.command.CommitCommand;
import dev.wharf.cli.command.CpCommand;
import dev.wharf.cli.command.CreateCommand;
import dev.wharf.cli.command.DiffCommand;
import dev.wharf.cli.command.EventsCommand;
import dev.wharf.cli.command.ExecCommand;
import dev.wharf.cli.command.ExportCommand;
import dev.wharf.cli.command.HistoryCommand;
import dev.wharf.cli.command.ImageCommand;
import dev.wharf.cli.command.ImagesCommand;
import dev.wharf.cli.command.ImportCommand;
import dev.wharf.cli.command.InfoCommand;
import dev.wharf.cli.command.InspectCommand;
import dev.wharf.cli.command.KillCommand;
import dev.wharf.cli.command.LoadCommand;
import dev.wharf.cli.command.LoginCommand;
import dev.wharf.cli.command.LogoutCommand;
import dev.wharf.cli.command.LogsCommand;
import dev.wharf.cli.command.PortCommand;
import dev.wharf.cli.command.PauseCommand;
import dev.wharf.cli.command.PsCommand;
import dev.wharf.cli.command.RenameCommand;
import dev.wharf.cli.command.RestartCommand;
import dev.wharf.cli.command.PullCommand;
import dev.wharf.cli.command.PushCommand;
import dev.wharf.cli.command.RmCommand;
import dev.wharf.cli.command.RmiCommand;
import dev.wharf.cli.command.RunCommand;
import dev.wharf.cli.command.SaveCommand;
import dev.wharf.cli.command.StartCommand;
import dev.wharf.cli.command.StatsCommand;
import dev.wharf.cli.command.StopCommand;
import dev.wharf.cli.command.SystemCommand;
import dev.wharf.cli.command.TagCommand;
import dev.wharf.cli.command.TopCommand;
import dev.wharf.cli.command.UnpauseCommand;
import dev.wharf.cli.command.UpdateCommand;
import dev.wharf.cli.command.VersionCommand;
import dev.wharf.cli.command.WaitCommand;
import dev.wharf.cli.command.container.ContainerCommand;
import dev.wharf.cli.command.builder.BuilderCommand;
import dev.wharf.cli.command.network.NetworkCommand;
import dev.wharf.cli.command.volume.VolumeCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subcommands, in help order. picocli reflects over every registered command up front (a
 * good part of the CLI's start-up), so {@link #needed} registers only the one the arguments name;
 * when they name none we know (help, typos, no command), all are registered, as before.
 */
final class Subcommands {

    private static final Map<String, Class<?>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("run", RunCommand.class);
        ALL.put("exec", ExecCommand.class);
        ALL.put("start", StartCommand.class);
        ALL.put("attach", AttachCommand.class);
        ALL.put("create", CreateCommand.class);
        ALL.put("ps", PsCommand.class);
        ALL.put("logs", LogsCommand.class);
        ALL.put("rm", RmCommand.class);
        ALL.put("images", ImagesCommand.class);
        ALL.put("rmi", RmiCommand.class);
        ALL.put("tag", TagCommand.class);
        ALL.put("inspect", InspectCommand.class);
        ALL.put("import", ImportCommand.class);
        ALL.put("build", BuildCommand.class);
        ALL.put("pull", PullCommand.class);
        ALL.put("push", PushCommand.class);
        ALL.put("login", LoginCommand.class);
        ALL.put("logout", LogoutCommand.class);
        ALL.put("save", SaveCommand.class);
        ALL.put("load", LoadCommand.class);
        ALL.put("history", HistoryCommand.class);
        ALL.put("image", ImageCommand.class);
        ALL.put("system", SystemCommand.class);
        ALL.put("builder", BuilderCommand.class);
        ALL.put("version", VersionCommand.class);
        ALL.put("info", InfoCommand.class);
        ALL.put("wait", WaitCommand.class);
        ALL.put("cp", CpCommand.class);
        ALL.put("diff", DiffCommand.class);
        ALL.put("commit", CommitCommand.class);
        ALL.put("export", ExportCommand.class);
        ALL.put("container", ContainerCommand.class);
        ALL.put("port", PortCommand.class);
        ALL.put("network", NetworkCommand.class);
        ALL.put("stop", StopCommand.class);
        ALL.put("restart", RestartCommand.class);
        ALL.put("kill", KillCommand.class);
        ALL.put("pause", PauseCommand.class);
        ALL.put("unpause", UnpauseCommand.class);
        ALL.put("rename", RenameCommand.class);
        ALL.put("events", EventsCommand.class);
        ALL.put("top", TopCommand.class);
        ALL.put("update", UpdateCommand.class);
        ALL.put("stats", StatsCommand.class);
        ALL.put("volume", VolumeCommand.class);
    }

    private Subcommands() {}

    /** The command classes to register for {@code args}: the named one, or all of them. */
    static List<Class<?>> needed(String[] args) {
        Class<?> named = ALL.get(commandName(args));
        return named != null ? List.of(named) : List.copyOf(ALL.values());
    }

    /** The first argument that is not a global option or its value; null if there is none. */
    static String commandName(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return null;
            }
            if (takesValue(arg)) {
                i++;
            } else if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return null;
    }

    /** -H or --host alone, or a short cluster ending in H such as -DH: the next argument is the host. */
    private static boolean takesValue(String arg) {
        return arg.equals("--host") || (arg.startsWith("-") && !arg.startsWith("--") && arg.endsWith("H"));
    }
}
