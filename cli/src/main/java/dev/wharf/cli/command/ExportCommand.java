package dev.wharf.cli.command;

import dev.wharf.cli.CliFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wharf export [-o file] CONTAINER}: the container's filesystem as a tar, never onto a terminal. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a container's filesystem as a tar archive")
public final class ExportCommand extends EngineCommand {

    @Option(names = {"-o", "--output"}, description = "Write to a file, instead of STDOUT")
    private String output;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    private String container;

    @Override
    public Integer call() throws IOException {
        if (output == null && System.console() != null && System.console().isTerminal()) {
            throw new CliFailure(1, "cowardly refusing to save to a terminal. Use the -o flag or redirect");
        }
        try (InputStream tar = client().containerExport(container)) {
            if (output == null) {
                tar.transferTo(out());
                out().flush();
                return 0;
            }
            // temp file + rename, like the docker CLI's atomic writer
            Path target = Path.of(output).toAbsolutePath();
            Path tmp = Files.createTempFile(target.getParent(), ".wharf-export-", ".tmp");
            try {
                try (OutputStream file = Files.newOutputStream(tmp)) {
                    tar.transferTo(file);
                }
                Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return 0;
    }
}
