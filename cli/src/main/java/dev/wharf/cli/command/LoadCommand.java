package dev.wharf.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wharf load [-i FILE] [-q]}: sends the archive, prints "Loaded image: …" lines. */
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
        try (InputStream tar = input == null ? streams().in() : Files.newInputStream(Path.of(input))) {
            client().imageLoad(tar, true, message -> {
                if (message.stream() != null) {
                    out().print(message.stream());
                } else if (message.status() != null) {
                    out().println(message.status());
                }
            });
        }
        out().flush();
        return 0;
    }
}
