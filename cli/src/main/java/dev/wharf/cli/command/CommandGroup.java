package dev.wharf.cli.command;

import dev.wharf.cli.WharfCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command group ({@code wharf network}, {@code wharf image}…): without a subcommand it prints its usage, as docker does. */
public abstract class CommandGroup implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(((WharfCommand) spec.root().userObject()).streams().out());
        return 0;
    }
}
