package dev.wharf.cli.command;

import dev.wharf.api.client.EngineClient;
import dev.wharf.api.client.EngineErrorException;
import dev.wharf.api.types.ContainerCreateRequest;
import dev.wharf.cli.CliFailure;
import dev.wharf.cli.CliStreams;
import dev.wharf.cli.progress.ProgressDisplay;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** {@code POST /containers/create}, pulling the image first when the daemon does not have it, as docker does. */
final class ContainerCreation {
    private ContainerCreation() {}

    /**
     * @param pull {@code --pull}: always pull first, pull when missing, or never
     * @param failure turns a daemon error message into the command's failure (it prints it)
     */
    static String create(EngineClient client, ContainerCreateRequest request, String name, String image, PullOptions pull,
            CliStreams streams, Function<String, CliFailure> failure) throws IOException {
        if (!List.of("always", "missing", "never").contains(pull.policy)) {
            throw failure.apply("invalid pull option: '" + pull.policy
                    + "': must be one of \"always\", \"missing\" or \"never\"");
        }
        if (pull.policy.equals("always")) {
            pullImage(client, image, pull, streams, failure);
        }
        try {
            return client.containerCreate(request, name).id();
        } catch (EngineErrorException e) {
            if (pull.policy.equals("never") || !e.isNotFound()
                    || !e.getMessage().toLowerCase(Locale.ROOT).contains("no such image")) {
                throw failure.apply(e.getMessage());
            }
        }
        streams.err().println("Unable to find image '" + ImageReference.parse(image).familiar() + "' locally");
        pullImage(client, image, pull, streams, failure);
        try {
            return client.containerCreate(request, name).id();
        } catch (EngineErrorException e) {
            throw failure.apply(e.getMessage());
        }
    }

    /** Pulls with the credentials config.json has for the registry; progress goes to stderr, as docker's. */
    private static void pullImage(EngineClient client, String image, PullOptions pull, CliStreams streams,
            Function<String, CliFailure> failure) throws IOException {
        var reference = ImageReference.parse(image);
        try {
            client.imagePull(reference.repository(), reference.digest() != null ? reference.digest() : reference.tagOrLatest(),
                    pull.platform, RegistryCredentials.forImage(reference, streams.env()),
                    new ProgressDisplay(streams.err(), false));
        } catch (EngineErrorException e) {
            throw failure.apply(e.getMessage());
        }
    }
}
