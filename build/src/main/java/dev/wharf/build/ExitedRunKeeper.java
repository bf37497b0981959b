package dev.wharf.build;

import java.io.IOException;

/**
 * Keeps a RUN's container, as dockerd's classic builder does with a failed RUN unless {@code --force-rm} and with
 * every RUN when {@code --rm=false}: it stays an exited container for {@code docker ps -a}, {@code logs}-free but inspectable, committable and removable.
 */
@FunctionalInterface
public interface ExitedRunKeeper {
    /** Keeps nothing: the builder removes the snapshot. */
    ExitedRunKeeper NONE = run -> false;

    /** Takes over the snapshot {@code run.id()}; false when it did not (the builder removes it then). */
    boolean keep(ExitedRun run) throws IOException;
}
