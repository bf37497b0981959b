package dev.wharf.build;

import java.io.IOException;

/**
 * Keeps a failed RUN's container, as dockerd's classic builder does unless {@code --force-rm}: it stays an
 * exited container for {@code docker ps -a}, {@code logs}-free but inspectable, committable and removable.
 */
@FunctionalInterface
public interface FailedRunKeeper {
    /** Keeps nothing: the builder removes the snapshot. */
    FailedRunKeeper NONE = run -> false;

    /** Takes over the snapshot {@code run.id()}; false when it did not (the builder removes it then). */
    boolean keep(FailedRun run) throws IOException;
}
