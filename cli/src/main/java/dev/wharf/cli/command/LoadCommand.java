package dev.wharf.cli.command;

import dev.wharf.cli.progress.ProgressDisplay;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wharf load [-i FILE] [-q]}: sends the archive, shows "Loading layer" bars, prints "Loaded image: …" lines. */
@Command(name = "load", mixinStandardHelpOptions = true, description = "Load an image from a tar archive or STDIN.")
public final class LoadCommand extends EngineCommand {

    @Option(names = {"-i", "--input"}, description = "Read from tar archive file, instead of STDIN.")
    private String input;

    @Option(names = {"-q", "--quiet"}, description = "Suppress the load output.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        if (input == null && System.console() != null && System.console().isTerminal()) {
            err().println("requested load from stdin, but stdin is empty");
            return 1;
        }
        // As the docker CLI: "Loading layer" bars only on a terminal and without -q; "Loaded image:" always.
        boolean terminal = ProgressDisplay.stdoutIsTerminal();
        var display = new ProgressDisplay(out(), terminal);
        try (InputStream tar = input == null ? streams().in() : Files.newInputStream(Path.of(input))) {
            client().imageLoad(tar, quiet || !terminal, display);
        }
        out().flush();
        return 0;
    }
}
