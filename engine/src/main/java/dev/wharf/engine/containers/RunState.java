package dev.wharf.engine.containers;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * A container's run state as Docker models it. Times are kept as RFC3339Nano text (null = never) so
 * that the record on disk reads like {@code docker inspect}.
 *
 * @param removing a removal is under way (refuses start, shows "Removal In Progress")
 * @param error why the last start failed ({@code State.Error})
 */
public record RunState(
        boolean running,
        boolean oomKilled,
        boolean dead,
        boolean removing,
        int pid,
        int exitCode,
        String error,
        String startedAt,
        String finishedAt) {

    public static final RunState CREATED = new RunState(false, false, false, false, 0, 0, "", null, null);

    public RunState {
        error = error == null ? "" : error;
    }

    /** Docker's {@code State.Status}: a container that never started is "created", even after a failed start. */
    @JsonIgnore
    public String status() {
        if (running) {
            return "running";
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

    RunState started(int newPid, Instant at) {
        return new RunState(true, false, false, false, newPid, 0, "", Timestamps.rfc3339Nano(at), null);
    }

    RunState exited(int code, boolean oom, Instant at) {
        return new RunState(false, oom, false, removing, 0, code, "", startedAt, Timestamps.rfc3339Nano(at));
    }

    /** A start that failed before the process ran: Docker keeps the old times, records code and error. */
    RunState startFailed(int code, String message) {
        return new RunState(false, false, false, removing, 0, code, message, startedAt, finishedAt);
    }

    RunState removing(boolean value) {
        return new RunState(running, oomKilled, dead, value, pid, exitCode, error, startedAt, finishedAt);
    }
}
