package dev.wharf.runtime;

import dev.wharf.runtime.stats.ResourceUsage;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs containers from OCI bundles: runc does the work, conmon watches each container so that its
 * output is logged and its exit code recorded even while the daemon is down.
 */
public interface ContainerRuntime {
    /**
     * Writes the bundle (config.json from the spec), starts conmon, which runs {@code runc create}.
     * Returns once the container exists in state created.
     *
     * @throws OciRuntimeException with runc's message when creation fails (nothing is left behind)
     */
    CreatedContainer create(ContainerSpec spec) throws IOException;

    /** Runs the process created earlier, as {@code runc start} does. */
    void start(String containerId) throws IOException;

    /** Sends a signal (number) to the container's init process. */
    void kill(String containerId, int signal) throws IOException;

    /** Freezes the container's processes ({@code runc pause}). */
    void pause(String containerId) throws IOException;

    /** Thaws them again ({@code runc resume}). */
    void resume(String containerId) throws IOException;

    /** Changes the cgroup limits of a created or running container ({@code runc update}). */
    void update(String containerId, ResourceUpdate resources) throws IOException;

    /** The host pids of every process in the container's cgroup, init first when it is there. */
    List<Integer> processes(String containerId) throws IOException;

    /** What the runtime knows now, including the exit code once conmon wrote it. */
    RuntimeState state(String containerId) throws IOException;

    /**
     * Completes with the exit code when the container's process has exited (already or later); fails when
     * the exit can never be known (its monitor died without recording it). Closing the runtime leaves it
     * pending: the daemon stops, the container does not.
     */
    CompletableFuture<Integer> awaitExit(String containerId);

    /** Connects to conmon's attach socket: live output, and stdin when the container has it open. */
    AttachConnection attach(String containerId) throws IOException;

    void resize(String containerId, int rows, int cols) throws IOException;

    /**
     * Runs another process in the running container ({@code runc exec} under a conmon of its own, so it
     * gets an attach socket, a TTY and an exit code like a container). Returns once the process runs.
     *
     * @throws OciRuntimeException with runc's message when the process cannot start (missing binary…)
     */
    ExecProcess exec(String containerId, ExecSpec spec) throws IOException;

    /** Makes the container's logger reopen its log file, after the engine moved it away to rotate it. */
    void reopenLog(String containerId) throws IOException;

    /** A sample of the container's CPU, memory, pids, block and network I/O, for {@code docker stats}. */
    ResourceUsage usage(String containerId) throws IOException;

    /** {@code runc delete} (forced when still running) and removal of the bundle and conmon's files; a container the runtime does not know is not an error. */
    void delete(String containerId) throws IOException;

    /**
     * Ids of the containers this runtime still holds (created and not yet deleted), whatever their
     * state: what a restarted daemon reconciles its records with. Runtimes that keep nothing across
     * restarts report none.
     */
    default List<String> containers() throws IOException {
        return List.of();
    }
}
