package dev.wharf.cli.command;

import dev.wharf.api.client.EngineClient;
import dev.wharf.cli.CliStreams;
import dev.wharf.cli.WharfCommand;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** Base of every subcommand: access to the client and the streams of the root command. */
abstract class EngineCommand implements Callable<Integer> {

    @ParentCommand
    private WharfCommand root;

    protected EngineClient client() {
        return root.client();
    }

    protected CliStreams streams() {
        return root.streams();
    }

    protected PrintStream out() {
        return root.streams().out();
    }

    protected PrintStream err() {
        return root.streams().err();
    }

    protected boolean debug() {
        return root.debug();
    }

    protected String hostSpec() {
        return root.hostSpec();
    }
}
