package dev.wharf.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wharf save [-o FILE] IMAGE...}: the daemon's tar to a file (written whole, then renamed) or stdout. */
@Command(name = "save", mixinStandardHelpOptions = true,
        description = "Save one or more images to a tar archive (streamed to STDOUT by default).")
public final class SaveCommand extends EngineCommand {

    @Option(names = {"-o", "--output"}, description = "Write to a file, instead of STDOUT.")
    private String output;

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "IMAGE")
    private List<String> images;

    @Override
    public Integer call() throws IOException {
        if (output == null && System.console() != null && System.console().isTerminal()) {
            err().println("cowardly refusing to save to a terminal. Use the -o flag or redirect");
            return 1;
        }
        try (InputStream tar = client().imageSave(images)) {
            if (output == null) {
                OutputStream out = streams().rawOut();
                tar.transferTo(out);
                out.flush();
                return 0;
            }
            Path target = Path.of(output).toAbsolutePath();
            Path temp = Files.createTempFile(target.getParent(), ".wharf-save", ".tar");
            try {
                Files.copy(tar, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        return 0;
    }
}
