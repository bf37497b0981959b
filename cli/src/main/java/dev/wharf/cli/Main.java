package dev.wharf.cli;

import dev.wharf.api.client.EngineConnectException;
import dev.wharf.api.client.EngineErrorException;
import picocli.CommandLine;

/** Entry point of the {@code wharf} CLI. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        var streams = CliStreams.system();
        int exitCode = run(args, streams);
        streams.out().flush();
        streams.err().flush();
        if (exitCode != 0) {
            AotRecording.markFailed();
        }
        // halt, not exit: there are no shutdown hooks to run, and Runtime.exit first sets up a
        // System.Logger (java.util.logging) only to log the exit at debug level.
        Runtime.getRuntime().halt(exitCode);
    }

    public static int run(String[] args, CliStreams streams) {
        var root = new WharfCommand(streams);
        var commandLine = new CommandLine(root);
        // Before the settings below: picocli copies them only to subcommands registered already.
        Subcommands.needed(args).forEach(commandLine::addSubcommand);
        commandLine
                .setOut(new java.io.PrintWriter(streams.out(), true))
                .setErr(new java.io.PrintWriter(streams.err(), true))
                .setParameterExceptionHandler(Main::usageError)
                .setExecutionExceptionHandler((e, cmd, parsed) -> handle(e, root));
        // Everything after IMAGE (or exec's and top's CONTAINER) belongs to the command line, options included.
        for (String name : java.util.List.of("run", "create", "exec", "top")) {
            var command = commandLine.getSubcommands().get(name);
            if (command != null) {
                command.setStopAtPositional(true);
            }
        }
        int exitCode = commandLine.execute(args);
        streams.out().flush();
        return exitCode;
    }

    /** Like docker: the problem, a pointer to --help, exit 125. */
    static int usageError(CommandLine.ParameterException e, String[] args) {
        var err = e.getCommandLine().getErr();
        err.println(e.getCause() instanceof CommandLine.TypeConversionException conversion
                && e.getArgSpec() instanceof CommandLine.Model.OptionSpec option
                ? "invalid argument \"" + e.getValue() + "\" for \"" + String.join(", ", option.names()) + "\" flag: "
                        + conversion.getMessage()
                : e.getMessage());
        err.println("See '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return 125;
    }

    /** Docker's wording and exit codes for errors no command handled itself. */
    static int handle(Exception e, WharfCommand root) {
        var err = root.streams().err();
        root.streams().out().flush();
        switch (e) {
            case EngineConnectException _ ->
                    err.println("Cannot connect to the wharf daemon at " + root.hostSpec() + ". Is the wharf daemon running?");
            case EngineErrorException engine -> err.println("Error response from daemon: " + engine.getMessage());
            case CliFailure failure -> {
                if (failure.getMessage() != null) {
                    err.println(failure.getMessage());
                }
                return failure.exitCode();
            }
            default -> err.println("wharf: " + e.getMessage());
        }
        if (root.debug()) {
            e.printStackTrace(err);
        }
        return 1;
    }
}
