package dev.wharf.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wharf import file|- [REPOSITORY[:TAG]]}: streams the tarball, prints the new image ID. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import the contents from a tarball to create a filesystem image.")
public final class ImportCommand extends EngineCommand {

    @Option(names = {"-c", "--change"}, description = "Apply Dockerfile instruction to the created image.")
    private List<String> changes = new ArrayList<>();

    @Option(names = {"-m", "--message"}, description = "Set commit message for imported image.")
    private String message;

    @Parameters(index = "0", paramLabel = "file|-")
    private String source;

    @Parameters(index = "1", arity = "0..1", paramLabel = "REPOSITORY[:TAG]")
    private String reference;

    @Override
    public Integer call() throws IOException {
        try (InputStream tar = source.equals("-") ? streams().in() : Files.newInputStream(Path.of(source))) {
            client().imageImport(tar, reference, changes, message, progress -> {
                if (progress.status() != null) {
                    out().println(progress.status());
                } else if (progress.stream() != null) {
                    out().print(progress.stream());
                }
            });
        }
        return 0;
    }
}
