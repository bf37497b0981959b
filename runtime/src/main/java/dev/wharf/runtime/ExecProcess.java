package dev.wharf.runtime;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/** A process started by {@link ContainerRuntime#exec}: running, with its attach connection open since before it ran. */
public interface ExecProcess {
    /** The process's pid on the host. */
    int pid();

    /** Its output (and stdin, when it has one); the connection ends when the process does. */
    AttachConnection attach();

    /** Completes with the exit code (128+n for a signal); fails when it can never be known. */
    CompletableFuture<Integer> exit();

    /** Resizes the process's TTY. */
    void resize(int rows, int cols) throws IOException;
}
