package dev.wharf.build;

import java.io.IOException;

/**
 * Keeps a build step's container ({@link StepContainer}) as a container of the daemon: {@code docker ps -a} lists
 * it; it is inspectable, committable and removable.
 */
@FunctionalInterface
public interface StepContainerKeeper {
    /** Keeps nothing: the builder removes the snapshot. */
    StepContainerKeeper NONE = container -> false;

    /** Takes over the snapshot {@code container.id()}; false when it did not (the builder removes it then). */
    boolean keep(StepContainer container) throws IOException;
}
