package dev.wharf.cli.command;

import dev.wharf.api.types.FilesystemChange;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code wharf diff CONTAINER}: one {@code C|A|D path} line per change, as docker prints them. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Inspect changes to files or directories on a container's filesystem")
public final class DiffCommand extends EngineCommand {
    private static final String KINDS = "CAD"; // Kind 0 modified, 1 added, 2 deleted

    @Parameters(index = "0", paramLabel = "CONTAINER")
    private String container;

    @Override
    public Integer call() throws IOException {
        for (FilesystemChange change : client().containerChanges(container)) {
            out().println(KINDS.charAt(change.kind()) + " " + change.path());
        }
        return 0;
    }
}
