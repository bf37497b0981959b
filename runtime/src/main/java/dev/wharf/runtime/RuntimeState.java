package dev.wharf.runtime;

import java.util.OptionalInt;

/**
 * The runtime's view of a container.
 *
 * @param exitCode present once conmon recorded the exit
 * @param oomKilled conmon saw the memory cgroup kill a process
 */
public record RuntimeState(Status status, int pid, OptionalInt exitCode, boolean oomKilled) {
    public enum Status { CREATED, RUNNING, PAUSED, STOPPED, UNKNOWN }
}
