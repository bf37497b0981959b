package dev.wharf.cli.command;

import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code wharf tag SOURCE TARGET}. */
@Command(name = "tag", mixinStandardHelpOptions = true, description = "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE.")
public final class TagCommand extends EngineCommand {

    @Parameters(index = "0", paramLabel = "SOURCE_IMAGE[:TAG]")
    private String source;

    @Parameters(index = "1", paramLabel = "TARGET_IMAGE[:TAG]")
    private String target;

    @Override
    public Integer call() throws IOException {
        var reference = ImageReference.parse(target);
        client().imageTag(source, reference.repository(), reference.tagOrLatest());
        return 0;
    }
}
