package dev.wharf.runtime;

import dev.wharf.runtime.ContainerSpec.ProcessUser;
import java.util.List;

/**
 * An extra process to run in a running container ({@code docker exec}), already resolved by the engine.
 *
 * @param execId names the exec's files; unique per container
 * @param stdin the process gets a stdin pipe (else /dev/null)
 * @param privileged every capability, as {@code docker exec --privileged}
 * @param consoleRows with {@code consoleCols}, the TTY's size from the start (0: unset); a resize
 *     after start could come after the process has read its size
 */
public record ExecSpec(
        String execId,
        List<String> args,
        List<String> env,
        String workingDir,
        ProcessUser user,
        boolean tty,
        boolean stdin,
        boolean privileged,
        int consoleRows,
        int consoleCols) {}
