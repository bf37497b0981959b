package dev.wharf.cli.command;

import dev.wharf.cli.progress.ProgressDisplay;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wharf pull NAME[:TAG|@DIGEST]}: progress bars on a terminal, then the full reference. */
@Command(name = "pull", mixinStandardHelpOptions = true, description = "Download an image from a registry.")
public final class PullCommand extends EngineCommand {

    @Option(names = {"-a", "--all-tags"}, description = "Download all tagged images in the repository.")
    private boolean allTags;

    @Option(names = "--platform", description = "Set platform if server is multi-platform capable.")
    private String platform;

    @Option(names = {"-q", "--quiet"}, description = "Suppress verbose output.")
    private boolean quiet;

    @Option(names = "--disable-content-trust", description = "Skip image verification (the default).")
    private boolean disableContentTrust;

    @Parameters(index = "0", paramLabel = "NAME[:TAG|@DIGEST]")
    private String name;

    @Override
    public Integer call() throws IOException {
        var reference = ImageReference.parse(name);
        if (allTags && (reference.tag() != null || reference.digest() != null)) {
            err().println("tag can't be used with --all-tags/-a");
            return 1;
        }
        String tag = allTags ? null : reference.digest() != null ? reference.digest() : reference.tagOrLatest();
        var display = new ProgressDisplay(out(), ProgressDisplay.stdoutIsTerminal());
        client().imagePull(reference.repository(), tag, platform, RegistryCredentials.forImage(reference, streams().env()),
                message -> {
                    if (!quiet) {
                        display.accept(message);
                    }
                });
        String full = reference.fullName();
        out().println(allTags ? full : reference.digest() != null ? full + "@" + reference.digest()
                : full + ":" + reference.tagOrLatest());
        return 0;
    }
}
