package dev.wharf.build;

import dev.wharf.image.Digest;
import java.time.Instant;
import java.util.List;

/**
 * A RUN's container after it exited (non-zero, or zero in a build with {@code --rm=false}): the snapshot {@code id}
 * (unmounted; a failed step's writable layer holds what the command changed, a successful one's is empty, its
 * changes having become the step's layer) on the step's parent image, its argv, environment, directory and user.
 */
public record ExitedRun(String id, Digest image, List<String> argv, List<String> env, String workingDir,
        String user, int exitCode, Instant started, Instant finished) {

    public ExitedRun {
        argv = List.copyOf(argv);
        env = List.copyOf(env);
    }
}
