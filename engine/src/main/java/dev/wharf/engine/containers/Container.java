package dev.wharf.engine.containers;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One container while the daemon runs: its current record, the lock that serialises its lifecycle
 * operations, its output broadcaster and the futures that {@code wait} requests block on.
 *
 * <p>Readers (inspect, list) take {@link #record()} without the lock: records are immutable and the
 * reference is volatile. Every change goes through {@link #update} under the lock.
 */
final class Container {
    /** How a wait ends: the exit code, and the start error if the last start failed. */
    record Exit(int exitCode, String error) {}

    final ReentrantLock lock = new ReentrantLock();
    final OutputBroadcaster output = new OutputBroadcaster();
    final RestartManager restarts = new RestartManager();
    /** Execs created in the container and not yet exited ({@code ExecIDs} in inspect). */
    final java.util.Set<String> execIds = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Completes when the container has been removed. */
    final CompletableFuture<Exit> removed = new CompletableFuture<>();

    private volatile ContainerRecord record;
    private CompletableFuture<Exit> nextExit = new CompletableFuture<>();
    /** Counts starts, so that a watcher of an earlier run never records a later run's exit. */
    private long run;

    Container(ContainerRecord record) {
        this.record = record;
    }

    ContainerRecord record() {
        return record;
    }

    String id() {
        return record.id();
    }

    /** Replaces the record; the caller holds the lock and persists it. */
    void update(ContainerRecord newRecord) {
        assert lock.isHeldByCurrentThread();
        record = newRecord;
    }

    /** Completes on the next exit (or failed start) after this call. */
    CompletableFuture<Exit> nextExit() {
        lock.lock();
        try {
            return nextExit;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the waiters of the next exit; later waiters wait for the exit after. Caller holds the lock. */
    void exited(Exit exit) {
        assert lock.isHeldByCurrentThread();
        CompletableFuture<Exit> done = nextExit;
        nextExit = new CompletableFuture<>();
        done.complete(exit);
    }

    long beginRun() {
        assert lock.isHeldByCurrentThread();
        return ++run;
    }

    long currentRun() {
        return run;
    }
}
