package dev.wharf.cli.command.network;

import dev.wharf.api.client.EngineClient;
import dev.wharf.api.client.EngineErrorException;
import dev.wharf.cli.CliStreams;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** Base of {@code wharf network …}: the client and streams of the root command, one level further up. */
abstract class NetworkSubcommand implements Callable<Integer> {
    @ParentCommand
    private NetworkCommand group;

    protected EngineClient client() {
        return group.root.client();
    }

    protected CliStreams streams() {
        return group.root.streams();
    }

    protected PrintStream out() {
        return streams().out();
    }

    protected PrintStream err() {
        return streams().err();
    }

    /** Docker's report of a daemon error: the message on stderr, exit code 1. */
    protected int failed(EngineErrorException e) {
        out().flush();
        err().println("Error response from daemon: " + e.getMessage());
        return 1;
    }
}
