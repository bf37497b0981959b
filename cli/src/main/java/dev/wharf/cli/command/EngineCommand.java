package dev.wharf.cli.command;

import dev.wharf.api.client.EngineClient;
import dev.wharf.api.client.EngineErrorException;
import dev.wharf.cli.CliStreams;
import dev.wharf.cli.WharfCommand;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of every subcommand: access to the client and the streams of the root command. */
public abstract class EngineCommand implements Callable<Integer> {

    /** Set by picocli; the root command may be a grandparent ({@code wharf image prune}). */
    @Spec
    private CommandSpec spec;

    private WharfCommand root() {
        return (WharfCommand) spec.root().userObject();
    }

    protected EngineClient client() {
        return root().client();
    }

    protected CliStreams streams() {
        return root().streams();
    }

    protected PrintStream out() {
        return root().streams().out();
    }

    protected PrintStream err() {
        return root().streams().err();
    }

    /** docker's report of a daemon error: what was printed so far, then the message on stderr; exit code 1. */
    protected int daemonError(EngineErrorException e) {
        out().flush();
        err().println("Error response from daemon: " + e.getMessage());
        return 1;
    }

    protected boolean debug() {
        return root().debug();
    }

    protected String hostSpec() {
        return root().hostSpec();
    }
}
