package dev.wharf.build;

import dev.wharf.image.Digest;
import java.time.Instant;
import java.util.List;

/**
 * A build step's container that the build leaves behind, as dockerd's classic builder does: a failed RUN's
 * (unless {@code --force-rm}), and with {@code --rm=false} every step's that made one. Its snapshot {@code id} is
 * in place, unmounted, on the step's parent image: a failed RUN's writable layer holds what the command changed;
 * a successful step's is empty, its changes having become the step's layer.
 *
 * @param exit how its command ended; null for a container that was created and never ran (a metadata or WORKDIR
 *     step's, which dockerd leaves "Created")
 */
public record StepContainer(String id, Digest image, List<String> argv, List<String> env, String workingDir,
        String user, Exit exit) {

    /** A command that ran: its exit code and when it started and finished. */
    public record Exit(int code, Instant started, Instant finished) {}

    public StepContainer {
        argv = List.copyOf(argv);
        env = List.copyOf(env);
    }
}
