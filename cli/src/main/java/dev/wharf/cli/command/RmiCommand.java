package dev.wharf.cli.command;

import dev.wharf.api.client.EngineErrorException;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wharf rmi}: prints the daemon's Untagged/Deleted lines. */
@Command(name = "rmi", mixinStandardHelpOptions = true, description = "Remove one or more images.")
public final class RmiCommand extends EngineCommand {

    @Option(names = {"-f", "--force"}, description = "Force removal of the image.")
    private boolean force;

    @Parameters(arity = "1..*", paramLabel = "IMAGE")
    private List<String> images;

    @Override
    public Integer call() throws IOException {
        int exitCode = 0;
        for (String image : images) {
            try {
                for (var item : client().imageRemove(image, force)) {
                    if (item.untagged() != null) {
                        out().println("Untagged: " + item.untagged());
                    }
                    if (item.deleted() != null) {
                        out().println("Deleted: " + item.deleted());
                    }
                }
            } catch (EngineErrorException e) {
                exitCode = daemonError(e);
            }
        }
        return exitCode;
    }
}
