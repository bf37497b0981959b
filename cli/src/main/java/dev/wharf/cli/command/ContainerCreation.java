package dev.wharf.cli.command;

import dev.wharf.api.client.EngineClient;
import dev.wharf.api.client.EngineErrorException;
import dev.wharf.api.types.ContainerCreateRequest;
import dev.wharf.api.types.ProgressMessage;
import dev.wharf.cli.CliFailure;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Function;

/** {@code POST /containers/create}, pulling the image first when the daemon does not have it, as docker does. */
final class ContainerCreation {
    private ContainerCreation() {}

    /** @param failure turns a daemon error message into the command's failure (it prints it) */
    static String create(EngineClient client, ContainerCreateRequest request, String name, String image, PrintStream err,
            Function<String, CliFailure> failure) throws IOException {
        try {
            return client.containerCreate(request, name).id();
        } catch (EngineErrorException e) {
            if (!e.isNotFound() || !e.getMessage().toLowerCase(Locale.ROOT).contains("no such image")) {
                throw failure.apply(e.getMessage());
            }
        }
        var reference = ImageReference.parse(image);
        err.println("Unable to find image '" + reference.familiar() + "' locally");
        try {
            client.imagePull(reference.repository(), reference.digest() != null ? reference.digest() : reference.tagOrLatest(),
                    message -> printPullProgress(message, err));
            return client.containerCreate(request, name).id();
        } catch (EngineErrorException e) {
            throw failure.apply(e.getMessage());
        }
    }

    private static void printPullProgress(ProgressMessage message, PrintStream err) {
        if (message.status() != null && message.progressDetail() == null) {
            err.println(message.id() != null ? message.id() + ": " + message.status() : message.status());
        }
    }
}
