package dev.wharf.engine.containers;

import dev.wharf.api.types.ContainerTopResponse;
import dev.wharf.api.types.ContainerUpdateRequest;
import dev.wharf.api.types.ContainerUpdateResponse;
import dev.wharf.api.types.HostConfig;
import dev.wharf.api.types.RestartPolicy;
import dev.wharf.engine.errors.ConflictException;
import dev.wharf.engine.errors.EngineException;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.errors.SystemException;
import dev.wharf.runtime.ContainerRuntime;
import dev.wharf.runtime.OciRuntimeException;
import dev.wharf.runtime.ProcessTable;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Operations on a container that leave its process alone: pause and unpause (runc pause/resume, the
 * freezer cgroup), rename, top (the host's ps on the container's pids) and update (runc update plus
 * the persisted HostConfig). Each holds the container's lock, like the lifecycle.
 */
final class ContainerControl {
    private final ContainerStore store;
    private final ContainerIndex index;
    private final ContainerRuntime runtime;
    private final ContainerEvents events;
    private final ContainerHealth health;

    ContainerControl(ContainerStore store, ContainerIndex index, ContainerRuntime runtime, ContainerEvents events,
            ContainerHealth health) {
        this.store = store;
        this.index = index;
        this.runtime = runtime;
        this.events = events;
        this.health = health;
    }

    /** Docker's pause: 409 unless running and not yet paused. */
    void pause(Container container) throws IOException {
        container.lock.lock();
        try {
            RunState state = container.record().state();
            if (state.restarting()) {
                throw new ConflictException("Container " + container.id()
                        + " is restarting, wait until the container is running");
            }
            if (!state.running()) {
                throw new ConflictException("Container " + container.id() + " is not running");
            }
            if (state.paused()) {
                throw new ConflictException("Container " + container.id() + " is already paused");
            }
            runtime.pause(container.id());
            health.unwatch(container);
            setPaused(container, true, "pause");
        } finally {
            container.lock.unlock();
        }
    }

    void unpause(Container container) throws IOException {
        container.lock.lock();
        try {
            if (!container.record().state().paused()) {
                throw new ConflictException("Container " + container.id() + " is not paused");
            }
            runtime.resume(container.id());
            setPaused(container, false, "unpause");
            health.watch(container);
        } finally {
            container.lock.unlock();
        }
    }

    /**
     * commit's pause (moby: {@code if c.Pause && !IsPaused() { containerPause; defer containerUnpause }},
     * errors ignored): freezes a running, unpaused container; true when it did, so the caller unpauses.
     */
    boolean pauseForCommit(Container container) throws IOException {
        container.lock.lock();
        try {
            RunState state = container.record().state();
            if (!state.running() || state.paused()) {
                return false;
            }
            pause(container);
            return true;
        } finally {
            container.lock.unlock();
        }
    }

    /** Ends commit's pause; a client may have unpaused or stopped the container meanwhile. */
    void unpauseAfterCommit(Container container) throws IOException {
        container.lock.lock();
        try {
            if (container.record().state().paused()) {
                unpause(container);
            }
        } finally {
            container.lock.unlock();
        }
    }

    private void setPaused(Container container, boolean paused, String action) throws IOException {
        ContainerRecord record = container.record();
        record = record.withState(record.state().paused(paused));
        container.update(record);
        store.save(record);
        events.publish(record, action);
    }

    /** Docker's rename: the old name is free at once; the event carries it as {@code oldName}. */
    void rename(Container container, String requested) throws IOException {
        container.lock.lock();
        try {
            ContainerRecord record = container.record();
            String newName = requested.startsWith("/") ? requested.substring(1) : requested;
            if (newName.equals(record.name())) {
                throw new InvalidArgumentException("Renaming a container with the same name as its current name");
            }
            try {
                ContainerNames.validate(newName);
                index.rename(container, newName);
            } catch (EngineException e) {
                throw EngineException.wrap("Error when allocating new name", e);
            }
            String oldName = record.name();
            record = record.withName(newName);
            container.update(record);
            store.save(record);
            events.publish(record, "rename", Map.of("oldName", "/" + oldName));
        } finally {
            container.lock.unlock();
        }
    }

    /** Docker's top: {@code ps} with the client's options over the pids of the container's cgroup. */
    ContainerTopResponse top(Container container, String psArgs) throws IOException {
        RunState state = container.record().state();
        if (state.restarting()) {
            throw new ConflictException("Container " + container.id() + " is restarting, wait until the container is running");
        }
        if (!state.running()) {
            throw new ConflictException("Container " + container.id() + " is not running");
        }
        ProcessTable.Table table;
        try {
            table = ProcessTable.of(psArgs, runtime.processes(container.id()));
        } catch (OciRuntimeException e) {
            throw new SystemException(e.getMessage(), e);
        }
        events.publish(container.record(), "top");
        return new ContainerTopResponse(table.titles(), table.processes());
    }

    /**
     * Docker's update: non-zero values replace the HostConfig's, a running container gets them
     * through runc update at once; a restart policy (not with AutoRemove) applies from the next exit.
     */
    ContainerUpdateResponse update(Container container, ContainerUpdateRequest request) throws IOException {
        container.lock.lock();
        try {
            ContainerRecord record = container.record();
            HostConfig current = record.hostConfig();
            RestartPolicy policy = request.restartPolicy();
            boolean newPolicy = policy != null && policy.name() != null && !policy.name().isEmpty();
            if (newPolicy) {
                if (current.autoRemove() && !policy.name().equals("no")) {
                    throw new InvalidArgumentException(
                            "Restart policy cannot be updated because AutoRemove is enabled for the container");
                }
                RestartManager.validate(policy, false);
            }
            ResourceChange change = new ResourceChange(request, current);
            change.check(container.id());
            if (record.state().running()) {
                try {
                    runtime.update(container.id(), change.runtimeUpdate());
                } catch (OciRuntimeException e) {
                    throw new SystemException("Cannot update container " + container.id() + ": " + e.getMessage(), e);
                }
            }
            var updated = change.applyTo(current.toBuilder());
            if (newPolicy) {
                updated.restartPolicy(policy);
            }
            record = record.withHostConfig(updated.build());
            container.update(record);
            store.save(record);
            events.publish(record, "update");
            return new ContainerUpdateResponse(List.of());
        } finally {
            container.lock.unlock();
        }
    }
}
