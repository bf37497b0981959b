package dev.wharf.cli.command;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wharf commit [-a] [-c]... [-m] [--pause] CONTAINER [REPOSITORY[:TAG]]}: prints the new image ID. */
@Command(name = "commit", mixinStandardHelpOptions = true,
        description = "Create a new image from a container's changes")
public final class CommitCommand extends EngineCommand {

    @Option(names = {"-a", "--author"}, description = "Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\")")
    private String author;

    @Option(names = {"-c", "--change"}, description = "Apply Dockerfile instruction to the created image")
    private List<String> changes = new ArrayList<>();

    @Option(names = {"-m", "--message"}, description = "Commit message")
    private String message;

    @Option(names = {"-p", "--pause"}, negatable = true, arity = "0..1", defaultValue = "true", fallbackValue = "true",
            description = "Pause container during commit (default true)")
    private boolean pause;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    private String container;

    @Parameters(index = "1", arity = "0..1", paramLabel = "REPOSITORY[:TAG]")
    private String reference;

    @Override
    public Integer call() throws IOException {
        String repo = null;
        String tag = null;
        if (reference != null) {
            ImageReference parsed = ImageReference.parse(reference);
            repo = parsed.repository();
            tag = parsed.tagOrLatest();
        }
        out().println(client().containerCommit(container, repo, tag, message, author, changes, pause));
        return 0;
    }
}
