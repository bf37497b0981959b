package dev.wharf.cli.command;

import dev.wharf.cli.CliFailure;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wharf create}: docker create — the container is made, not started; its ID is printed. */
@Command(name = "create", description = "Create a new container.", usageHelpAutoWidth = true)
public final class CreateCommand extends EngineCommand {

    @Option(names = "--help", usageHelp = true, description = "Print usage.")
    private boolean help;

    @Mixin
    private ContainerCreateOptions options;

    @Override
    public Integer call() throws IOException {
        options.checkCidFile();
        String id = ContainerCreation.create(client(), options.request(true, streams().env()), options.name,
                options.image, options.pull, streams(), this::failure);
        options.writeCidFile(id);
        out().println(id);
        return 0;
    }

    private CliFailure failure(String message) {
        err().println("wharf: Error response from daemon: " + message);
        err().println();
        err().println("Run 'wharf create --help' for more information");
        return new CliFailure(125, null);
    }
}
