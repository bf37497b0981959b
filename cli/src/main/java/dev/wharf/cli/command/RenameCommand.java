package dev.wharf.cli.command;

import dev.wharf.api.client.EngineErrorException;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code wharf rename OLD NEW}: prints nothing on success, as docker. */
@Command(name = "rename", mixinStandardHelpOptions = true, description = "Rename a container.")
public final class RenameCommand extends EngineCommand {

    @Parameters(index = "0", paramLabel = "CONTAINER")
    private String container;

    @Parameters(index = "1", paramLabel = "NEW_NAME")
    private String newName;

    @Override
    public Integer call() throws IOException {
        if (container.isBlank() || newName.isBlank()) {
            err().println("Error: Neither old nor new names may be empty");
            return 1;
        }
        try {
            client().containerRename(container, newName);
            return 0;
        } catch (EngineErrorException e) {
            err().println("Error response from daemon: " + e.getMessage());
            err().println("Error: failed to rename container named " + container);
            return 1;
        }
    }
}
