package dev.wharf.cli.command;

import dev.wharf.cli.progress.ProgressDisplay;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wharf push NAME[:TAG]}: the tag given (latest by default), or all tags with {@code -a}. */
@Command(name = "push", mixinStandardHelpOptions = true, description = "Upload an image to a registry.")
public final class PushCommand extends EngineCommand {

    @Option(names = {"-a", "--all-tags"}, description = "Push all tags of an image to the repository.")
    private boolean allTags;

    @Option(names = {"-q", "--quiet"}, description = "Suppress verbose output.")
    private boolean quiet;

    @Option(names = "--disable-content-trust", description = "Skip image signing (the default).")
    private boolean disableContentTrust;

    @Parameters(index = "0", paramLabel = "NAME[:TAG]")
    private String name;

    @Override
    public Integer call() throws IOException {
        var reference = ImageReference.parse(name);
        if (allTags && reference.tag() != null) {
            err().println("tag can't be used with --all-tags/-a");
            return 1;
        }
        var display = new ProgressDisplay(out(), ProgressDisplay.stdoutIsTerminal());
        client().imagePush(reference.repository(), allTags ? null : reference.tagOrLatest(),
                RegistryCredentials.forImage(reference, streams().env()), message -> {
                    if (!quiet) {
                        display.accept(message);
                    }
                });
        if (quiet) {
            out().println(reference.familiar());
        }
        return 0;
    }
}
