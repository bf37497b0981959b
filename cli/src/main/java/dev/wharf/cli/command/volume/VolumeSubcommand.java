package dev.wharf.cli.command.volume;

import dev.wharf.api.client.EngineClient;
import dev.wharf.cli.CliStreams;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** Base of {@code wharf volume …}: the client and streams of the root command, one level further up. */
abstract class VolumeSubcommand implements Callable<Integer> {
    @ParentCommand
    private VolumeCommand group;

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
}
