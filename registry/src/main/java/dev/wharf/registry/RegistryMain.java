package dev.wharf.registry;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code wharf registry}: bin/wharf hands every {@code wharf registry ...} command line to this entry point. */
@Command(name = "wharf registry", mixinStandardHelpOptions = true,
        description = "Run an OCI Distribution (Docker Registry V2) server, or collect its garbage.",
        subcommands = {ServeCommand.class, GcCommand.class})
public final class RegistryMain implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new RegistryMain());
        // A failure to start (port taken, bad config file, unreadable certificate) is a message, not a stack trace.
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("wharf registry: " + e.getMessage());
            return 1;
        });
        System.exit(commandLine.execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
