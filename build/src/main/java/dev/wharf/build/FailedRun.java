package dev.wharf.build;

import dev.wharf.image.Digest;
import java.time.Instant;
import java.util.List;

/**
 * A RUN that exited non-zero, as its container was: the snapshot {@code id} (unmounted, its writable layer
 * holding what the command changed) on the step's parent image, its argv, environment, directory and user.
 */
public record FailedRun(String id, Digest image, List<String> argv, List<String> env, String workingDir,
        String user, int exitCode, Instant started, Instant finished) {

    public FailedRun {
        argv = List.copyOf(argv);
        env = List.copyOf(env);
    }
}
