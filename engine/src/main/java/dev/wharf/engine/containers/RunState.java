package dev.wharf.engine.containers;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.wharf.api.types.Health;
import java.time.Instant;

/**
 * A container's run state as Docker models it. Times are kept as RFC3339Nano text (null = never) so
 * that the record on disk reads like {@code docker inspect}.
 *
 * <p>{@code running} means a process exists (conmon watches it); {@code paused} is its frozen cgroup;
 * {@code restarting} is the wait of the restart policy between an exit and the next start (no process,
 * though Docker reports {@code Running} then too).
 *
 * @param removing a removal is under way (refuses start, shows "Removal In Progress")
 * @param error why the last start failed ({@code State.Error})
 * @param restartCount starts by the restart policy since the last start by a client
 * @param manuallyStopped stopped or killed by a client (Docker's HasBeenManuallyStopped): unless-stopped stays down
 * @param health the healthcheck's status while it runs, null without a healthcheck
 */
public record RunState(
        boolean running,
        boolean paused,
        boolean restarting,
        boolean oomKilled,
        boolean dead,
        boolean removing,
        int pid,
        int exitCode,
        String error,
        String startedAt,
        String finishedAt,
        int restartCount,
        boolean manuallyStopped,
        Health health) {

    public static final RunState CREATED =
            new RunState(false, false, false, false, false, false, 0, 0, "", null, null, 0, false, null);

    public RunState {
        error = error == null ? "" : error;
    }

    /** Docker's {@code State.Status}: a container that never started is "created", even after a failed start. */
    @JsonIgnore
    public String status() {
        if (running) {
            return paused ? "paused" : "running";
        }
        if (restarting) {
            return "restarting";
        }
        if (removing) {
            return "removing";
        }
        if (dead) {
            return "dead";
        }
        return startedAt == null ? "created" : "exited";
    }

    @JsonIgnore
    public Instant startedAtInstant() {
        return Timestamps.parse(startedAt);
    }

    @JsonIgnore
    public Instant finishedAtInstant() {
        return Timestamps.parse(finishedAt);
    }

    /** Started by a client: the restart count starts over (Docker's ResetRestartManager). */
    RunState started(int newPid, Instant at) {
        return started(newPid, at, false, null);
    }

    /** A process runs; {@code byPolicy}: started by the restart policy, which keeps counting. */
    RunState started(int newPid, Instant at, boolean byPolicy, Health initialHealth) {
        return new RunState(true, false, false, false, false, false, newPid, 0, "", Timestamps.rfc3339Nano(at), null,
                byPolicy ? restartCount : 0, false, initialHealth);
    }

    RunState exited(int code, boolean oom, Instant at) {
        return new RunState(false, false, false, oom, false, removing, 0, code, "", startedAt,
                Timestamps.rfc3339Nano(at), restartCount, manuallyStopped, health);
    }

    /** Exited, and the restart policy will start it again: Docker counts the restart at once. */
    RunState restartPending(int code, boolean oom, Instant at) {
        return new RunState(false, false, true, oom, false, removing, 0, code, "", startedAt,
                Timestamps.rfc3339Nano(at), restartCount + 1, manuallyStopped, health);
    }

    /** The pending restart was cancelled (stop, kill, rm) or failed: an ordinary exited container. */
    RunState restartAbandoned() {
        return new RunState(false, false, false, oomKilled, false, removing, 0, exitCode, error, startedAt,
                finishedAt, restartCount, manuallyStopped, health);
    }

    /** A start that failed before the process ran: Docker keeps the old times, records code and error. */
    RunState startFailed(int code, String message) {
        return new RunState(false, false, false, false, false, removing, 0, code, message, startedAt, finishedAt,
                restartCount, manuallyStopped, health);
    }

    RunState removing(boolean value) {
        return new RunState(running, paused, restarting, oomKilled, dead, value, pid, exitCode, error, startedAt,
                finishedAt, restartCount, manuallyStopped, health);
    }

    RunState paused(boolean value) {
        return new RunState(running, value, restarting, oomKilled, dead, removing, pid, exitCode, error, startedAt,
                finishedAt, restartCount, manuallyStopped, health);
    }

    RunState manuallyStopped(boolean value) {
        return new RunState(running, paused, restarting, oomKilled, dead, removing, pid, exitCode, error, startedAt,
                finishedAt, restartCount, value, health);
    }

    RunState withHealth(Health value) {
        return new RunState(running, paused, restarting, oomKilled, dead, removing, pid, exitCode, error, startedAt,
                finishedAt, restartCount, manuallyStopped, value);
    }
}
