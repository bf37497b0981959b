package dev.wharf.engine.containers;

import dev.wharf.api.types.ContainerConfig;
import dev.wharf.api.types.Health;
import dev.wharf.engine.errors.ConflictException;
import dev.wharf.engine.errors.EngineException;
import dev.wharf.engine.errors.NotModifiedException;
import dev.wharf.engine.errors.SystemException;
import dev.wharf.engine.volumes.ContainerMounts;
import dev.wharf.image.BlobStore;
import dev.wharf.image.Descriptor;
import dev.wharf.image.Digest;
import dev.wharf.image.Image;
import dev.wharf.image.ImageStore;
import dev.wharf.runtime.ContainerRuntime;
import dev.wharf.runtime.ContainerSpec;
import dev.wharf.runtime.ContainerSpec.ProcessUser;
import dev.wharf.runtime.CreatedContainer;
import dev.wharf.runtime.NetworkNamespace;
import dev.wharf.runtime.OciRuntimeException;
import dev.wharf.runtime.RuntimeState;
import dev.wharf.runtime.ScopedPath;
import dev.wharf.runtime.Snapshotter;
import dev.wharf.runtime.UnknownUserException;
import dev.wharf.runtime.UserResolver;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Start, exit, kill and removal of containers through the snapshotter and the runtime, and the
 * re-adoption of containers after a daemon restart. Each operation holds the container's lock; a
 * removal that must wait for an exit releases it while it waits, because the exit is recorded under it.
 */
final class ContainerLifecycle {
    private static final Logger LOG = System.getLogger(ContainerLifecycle.class.getName());
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(30);
    /** Exit code Docker records when the runtime lost a container without an exit status. */
    private static final int EXIT_LOST = 255;

    private final ContainerStore store;
    private final ContainerIndex index;
    private final BlobStore blobs;
    private final ImageStore images;
    private final Snapshotter snapshotter;
    private final ContainerRuntime runtime;
    private final ContainerEvents events;
    private final ContainerMounts mounts;
    private final LogRotation logRotation;
    private final ContainerNetworking networking;
    private final ContainerHealth health;
    /** Two containers of one image must not unpack the same layers at once. */
    private final ReentrantLock unpackLock = new ReentrantLock();

    ContainerLifecycle(ContainerStore store, ContainerIndex index, BlobStore blobs, ImageStore images,
            Snapshotter snapshotter, ContainerRuntime runtime, ContainerEvents events, ContainerMounts mounts,
            ContainerNetworking networking, ContainerHealth health) {
        this.store = store;
        this.index = index;
        this.blobs = blobs;
        this.images = images;
        this.snapshotter = snapshotter;
        this.runtime = runtime;
        this.logRotation = new LogRotation(runtime);
        this.events = events;
        this.mounts = mounts;
        this.networking = networking;
        this.health = health;
    }

    /**
     * Docker's start by a client: 304 when running, 409 when paused or being removed; the restart
     * policy applies afresh. On an OCI failure the container keeps no mount, bundle or process.
     */
    void start(Container container) throws IOException {
        container.lock.lock();
        try {
            RunState state = container.record().state();
            if (state.paused()) {
                throw new ConflictException("cannot start a paused container, try unpause instead");
            }
            if (state.running() || state.restarting()) {
                throw new NotModifiedException("Container already started");
            }
            if (state.removing()) {
                throw new ConflictException("container is marked for removal and cannot be started");
            }
            container.restarts.reset();
            run(container, false);
        } finally {
            container.lock.unlock();
        }
    }

    /** The restart policy's start after its delay, unless a stop, kill or removal cancelled it meanwhile. */
    private void restartByPolicy(Container container, long ticket) {
        container.lock.lock();
        try {
            if (!container.restarts.isPending(ticket) || !container.record().state().restarting()) {
                return;
            }
            run(container, true);
        } catch (EngineException | IOException e) {
            LOG.log(Level.INFO, "restart of {0} by its policy failed: {1}", container.id(), e.getMessage());
        } finally {
            container.lock.unlock();
        }
    }

    private void scheduleRestart(Container container, Duration delay) {
        long ticket = container.restarts.schedule();
        Thread.ofVirtual().name("restart-" + container.record().shortId()).start(() -> {
            try {
                Thread.sleep(delay);
                restartByPolicy(container, ticket);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Creates and starts the container's process; the caller holds the lock and checked the state. */
    private void run(Container container, boolean byPolicy) throws IOException {
        ContainerRecord record = container.record();
        long run = container.beginRun();
        CreatedContainer created = null;
        PendingNetwork network = null;
        try {
            network = networking.setUp(record); // joined meanwhile: the rootfs, the spec, runc create
            Path rootfs = prepareRootfs(record);
            created = runtime.create(spec(record, rootfs, network.namespace()));
            network.await();
            // Connected before start: conmon replays nothing, and docker run attached already.
            container.output.connect(record.id(), runtime.attach(record.id()));
            applyConsoleSize(record);
            runtime.start(record.id());
        } catch (IOException | RuntimeException e) {
            if (network != null) {
                network.settle();
            }
            StartErrors.Failure failure = e instanceof OciRuntimeException
                    ? StartErrors.fromRuntime(e.getMessage())
                    : StartErrors.fromDaemon(String.valueOf(e.getMessage()));
            throw failStart(container, record, failure, e, created != null);
        }
        record = record.withState(record.state().started(created.pid(), Instant.now(), byPolicy,
                ContainerHealth.initial(record)));
        container.update(record);
        store.save(record);
        events.publish(record, "start");
        health.watch(container);
        watchExit(container, run);
        watchLog(container, run);
    }

    /** HostConfig.ConsoleSize ([rows, cols]): the TTY has the client's size before the process looks. */
    private void applyConsoleSize(ContainerRecord record) throws IOException {
        List<Integer> size = record.hostConfig().consoleSize();
        if (record.config().tty() && size != null && size.size() == 2 && size.get(0) > 0 && size.get(1) > 0) {
            runtime.resize(record.id(), size.get(0), size.get(1));
        }
    }

    /** Unpacks missing layers and mounts the rootfs (or returns it, when mounted already). */
    Path prepareRootfs(ContainerRecord record) throws IOException {
        ensureLayers(record);
        return snapshotter.mountRootfs(record.id(), record.diffIds());
    }

    /** The runtime's view: argv, env with Docker's defaults, resolved user, working dir, generated /etc files. */
    private ContainerSpec spec(ContainerRecord record, Path rootfs, NetworkNamespace network) throws IOException {
        ContainerConfig config = record.config();
        ProcessUser user;
        try {
            user = UserResolver.resolve(rootfs, config.user(), record.hostConfig().groupAdd());
        } catch (UnknownUserException e) {
            throw new SystemException(e.getMessage(), e);
        }
        String workingDir = config.workingDir() == null || config.workingDir().isEmpty() ? "/" : config.workingDir();
        ScopedPath.createDirectories(rootfs, workingDir);
        LogSettings log = LogSettings.of(record.hostConfig().logConfig());
        return new ContainerSpec(record.id(), rootfs, record.argv(), ContainerConfigMerger.processEnv(config),
                workingDir, user, config.hostname(), config.tty(), config.openStdin(), config.stdinOnce(),
                Map.of("/etc/hostname", store.hostnameFile(record.id()),
                        "/etc/hosts", store.hostsFile(record.id()),
                        "/etc/resolv.conf", store.resolvConfFile(record.id())),
                Map.of(), log.readable() ? store.logFile(record.id()) : null, mounts.prepare(record.id(), rootfs),
                RuntimeOptions.resources(record.hostConfig()), RuntimeOptions.security(record.hostConfig()), network,
                log.rotates() ? 0 : log.maxSize());
    }

    private void ensureLayers(ContainerRecord record) throws IOException {
        unpackLock.lock();
        try {
            Image image = null;
            for (int i = 0; i < record.diffIds().size(); i++) {
                Digest diffId = record.diffIds().get(i);
                if (snapshotter.hasLayer(diffId)) {
                    continue;
                }
                if (image == null) {
                    image = images.get(record.imageId()).orElseThrow(
                            () -> new SystemException("image " + record.imageId() + " of the container is gone"));
                }
                Descriptor layer = image.manifest().layers().get(i);
                try (InputStream tar = blobs.open(layer.digest())) {
                    snapshotter.unpackLayer(diffId, tar);
                }
            }
        } finally {
            unpackLock.unlock();
        }
    }

    /** Undoes a failed start, records Docker's exit code and error, and wakes next-exit waiters. */
    private EngineException failStart(Container container, ContainerRecord record, StartErrors.Failure failure,
            Throwable cause, boolean inRuntime) {
        container.output.endRun();
        if (inRuntime) {
            deleteFromRuntime(record.id());
        }
        networking.tearDown(record);
        unmount(record.id());
        ContainerRecord failed = record.withState(record.state().startFailed(failure.exitCode(), failure.message()));
        container.update(failed);
        try {
            store.save(failed);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot save container " + record.id(), e);
        }
        container.exited(new Container.Exit(failure.exitCode(), failure.message()));
        if (failed.hostConfig().autoRemove()) {
            // Docker removes an AutoRemove container whose start failed, once the error is reported.
            Thread.ofVirtual().start(() -> removeQuietly(container));
        }
        return failure.toException(cause);
    }

    /** Rotates the log while this run lasts, when max-size and max-file ask for it. */
    private void watchLog(Container container, long run) {
        ContainerRecord record = container.record();
        logRotation.watch(container, run, store.logFile(record.id()), LogSettings.of(record.hostConfig().logConfig()));
    }

    private void watchExit(Container container, long run) {
        runtime.awaitExit(container.id()).whenComplete((code, error) -> Thread.ofVirtual()
                .name("exit-" + container.record().shortId())
                .start(() -> recordExit(container, run, error == null ? code : EXIT_LOST)));
    }

    /**
     * The process of {@code run} exited: record it, release its runtime and mount, then either
     * schedule the restart policy's start or (maybe) auto-remove.
     */
    private void recordExit(Container container, long run, int exitCode) {
        boolean autoRemove;
        container.lock.lock();
        try {
            ContainerRecord record = container.record();
            if (container.currentRun() != run || !record.state().running()) {
                return;
            }
            health.unwatch(container);
            boolean oom = false;
            try {
                oom = runtime.state(record.id()).oomKilled();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "no runtime state for " + record.id(), e);
            }
            cleanUpRun(record);
            Instant now = Instant.now();
            RunState state = record.state();
            Duration ran = Duration.between(state.startedAtInstant(), now);
            Optional<Duration> restart = container.restarts.shouldRestart(record.hostConfig().restartPolicy(),
                    exitCode, state.manuallyStopped(), ran, state.restartCount());
            record = record.withState(restart.isPresent() ? state.restartPending(exitCode, oom, now)
                    : state.exited(exitCode, oom, now));
            container.update(record);
            try {
                store.save(record);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot save container " + record.id(), e);
            }
            if (oom) {
                events.publish(record, "oom");
            }
            events.publish(record, "die", Map.of("exitCode", Integer.toString(exitCode),
                    "execDuration", Long.toString(ran.toSeconds())));
            container.exited(new Container.Exit(exitCode, ""));
            restart.ifPresent(delay -> scheduleRestart(container, delay));
            autoRemove = restart.isEmpty() && record.hostConfig().autoRemove();
        } finally {
            container.lock.unlock();
        }
        if (autoRemove) {
            removeQuietly(container);
        }
    }

    /** The runtime's container and the rootfs mount go; the writable layer stays (logs, diff, restart). */
    private void cleanUpRun(ContainerRecord record) {
        deleteFromRuntime(record.id());
        networking.tearDown(record);
        unmount(record.id());
    }

    private void deleteFromRuntime(String id) {
        try {
            runtime.delete(id);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot delete runtime state of " + id, e);
        }
    }

    /** The rootfs and the container's volumes are unmounted. */
    private void unmount(String id) {
        mounts.unmount(id);
        try {
            snapshotter.unmountRootfs(id);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot unmount rootfs of " + id, e);
        }
    }

    /** Whether the runtime still holds anything of the container (a bundle, a monitor, a runc state). */
    private boolean knownToRuntime(String id) {
        try {
            return runtime.state(id).status() != RuntimeState.Status.UNKNOWN;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /**
     * Docker's kill: the signal goes to the container's init; SIGKILL also waits for the exit. A
     * restarting container just stays down; a paused one is thawed when the signal is meant to end it.
     */
    void kill(Container container, int signal) throws IOException {
        CompletableFuture<Container.Exit> exit;
        container.lock.lock();
        try {
            RunState state = container.record().state();
            if (state.restarting()) {
                container.restarts.cancel();
                abandonRestart(container);
                return;
            }
            if (!state.running()) {
                throw new ConflictException("Container " + container.id() + " is not running");
            }
            exit = container.nextExit();
            signal(container, signal);
        } finally {
            container.lock.unlock();
        }
        if (signal == Signals.SIGKILL) {
            awaitExit(container, exit, false);
        }
    }

    /**
     * Docker's stop: the stop signal, then SIGKILL after {@code timeoutSeconds} (negative: wait
     * forever); 304 when the container is not running. A restarting container just stays down.
     */
    void stop(Container container, int signal, int timeoutSeconds) throws IOException {
        CompletableFuture<Container.Exit> exit;
        container.lock.lock();
        try {
            RunState state = container.record().state();
            if (state.restarting()) {
                container.restarts.cancel();
                abandonRestart(container);
                events.publish(container.record(), "stop");
                return;
            }
            if (!state.running()) {
                throw new NotModifiedException("Container already stopped");
            }
            exit = container.nextExit();
            signal(container, signal);
        } finally {
            container.lock.unlock();
        }
        try {
            if (timeoutSeconds < 0) {
                exit.get();
            } else {
                exit.get(timeoutSeconds, TimeUnit.SECONDS);
            }
        } catch (TimeoutException e) {
            container.lock.lock();
            try {
                if (container.record().state().running()) {
                    signal(container, Signals.SIGKILL);
                }
            } finally {
                container.lock.unlock();
            }
            awaitExit(container, exit, false);
        } catch (ExecutionException e) {
            throw new SystemException("cannot stop container " + container.id(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SystemException("interrupted while stopping container " + container.id(), e);
        }
        events.publish(container.record(), "stop");
    }

    /**
     * Sends a signal as Docker's killWithSignal does: the container counts as stopped by hand; SIGKILL
     * or the stop signal (any signal, without a configured one) also cancels the restart policy and
     * thaws a paused container so that the signal lands. The caller holds the lock.
     */
    private void signal(Container container, int signal) throws IOException {
        ContainerRecord record = container.record();
        String stopSignal = record.config().stopSignal();
        boolean ends = signal == Signals.SIGKILL || stopSignal == null || stopSignal.isEmpty()
                || Signals.parse(stopSignal, Signals.SIGTERM) == signal;
        if (ends) {
            container.restarts.cancel();
        }
        record = record.withState(record.state().manuallyStopped(true));
        container.update(record);
        store.save(record);
        runtime.kill(record.id(), signal);
        events.publish(record, "kill", Map.of("signal", Integer.toString(signal)));
        if (ends && record.state().paused()) {
            runtime.resume(record.id());
            record = record.withState(record.state().paused(false));
            container.update(record);
            store.save(record);
            events.publish(record, "unpause");
            health.watch(container);
        }
    }

    /** A cancelled restart: the container is an ordinary stopped one; waiters for its end are done. */
    private void abandonRestart(Container container) throws IOException {
        ContainerRecord record = container.record();
        record = record.withState(record.state().restartAbandoned().manuallyStopped(true));
        container.update(record);
        store.save(record);
        container.exited(new Container.Exit(record.state().exitCode(), ""));
    }

    /** As dockerd: 409 unless running, so that the docker CLI retries the first resize of a starting container. */
    void resize(Container container, int rows, int cols) throws IOException {
        container.lock.lock();
        try {
            if (!container.record().state().running()) {
                throw new ConflictException("Container " + container.id() + " is not running");
            }
            runtime.resize(container.id(), rows, cols);
        } finally {
            container.lock.unlock();
        }
    }

    /** Docker's rm: 409 for a running container unless forced; forced = SIGKILL, wait for the exit, remove. */
    void remove(Container container, boolean force, boolean removeVolumes) throws IOException {
        CompletableFuture<Container.Exit> exit = null;
        container.lock.lock();
        try {
            ContainerRecord record = container.record();
            if (record.state().removing()) {
                throw new ConflictException("removal of container " + record.id() + " is already in progress");
            }
            if (record.state().running() || record.state().restarting()) {
                if (!force) {
                    throw new ConflictException("You cannot remove a running container " + record.id()
                            + ". Stop the container before attempting removal or force remove");
                }
                if (record.state().restarting()) {
                    container.restarts.cancel();
                    abandonRestart(container);
                } else {
                    exit = container.nextExit();
                    signal(container, Signals.SIGKILL);
                }
                record = container.record();
            }
            record = record.withState(record.state().removing(true));
            container.update(record);
            store.save(record);
        } finally {
            container.lock.unlock();
        }
        if (exit != null) {
            awaitExit(container, exit, true);
        }
        container.lock.lock();
        try {
            ContainerRecord record = container.record();
            if (knownToRuntime(record.id())) {
                deleteFromRuntime(record.id());
            }
            networking.tearDown(record);
            snapshotter.remove(record.id());
            mounts.forget(record.id(), removeVolumes);
            store.delete(record.id());
            index.remove(container);
            events.publish(record, "destroy");
            // moby's SetRemoved clears the state's error: a removed wait reports only the exit code.
            container.removed.complete(new Container.Exit(record.state().exitCode(), ""));
        } finally {
            container.lock.unlock();
        }
    }

    /** Waits for the exit a SIGKILL must bring; {@code removing}: undo the removal mark when it does not come. */
    private void awaitExit(Container container, CompletableFuture<Container.Exit> exit,
            boolean removing) throws IOException {
        try {
            exit.get(KILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            if (removing) {
                unmarkRemoving(container);
            }
            throw new SystemException("Could not kill running container " + container.id()
                    + (removing ? ", cannot remove - container did not exit" : ""), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (removing) {
                unmarkRemoving(container);
            }
            throw new SystemException("interrupted while removing container " + container.id(), e);
        }
    }

    private void unmarkRemoving(Container container) {
        container.lock.lock();
        try {
            ContainerRecord record = container.record().withState(container.record().state().removing(false));
            container.update(record);
            store.save(record);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot save container " + container.id(), e);
        } finally {
            container.lock.unlock();
        }
    }

    private void removeQuietly(Container container) {
        try {
            remove(container, true, true); // moby's auto-remove takes anonymous volumes along
        } catch (ConflictException e) {
            LOG.log(Level.DEBUG, "auto-remove of {0}: {1}", container.id(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "auto-remove of " + container.id() + " failed", e);
        }
    }

    /**
     * Re-adopts a container found on disk at daemon start: a running one still under conmon is
     * watched and relayed again; one that exited meanwhile gets its exit recorded (and is auto-removed);
     * one that never started loses any half-made runtime state. A container that is down then and
     * whose restart policy says so is started, as dockerd's restore does.
     */
    void recover(Container container) {
        boolean autoRemove = false;
        boolean restart;
        container.lock.lock();
        try {
            ContainerRecord record = container.record();
            if (record.state().removing()) {
                // Finish the interrupted removal, which must not find itself already under way.
                container.update(record.withState(record.state().removing(false)));
                autoRemove = true;
            } else if (record.state().running()) {
                autoRemove = recoverRunning(container, record);
            } else {
                if (knownToRuntime(record.id())) {
                    deleteFromRuntime(record.id()); // created by a daemon that died before start
                }
                networking.tearDown(record);
                unmount(record.id());
                if (record.state().restarting()) {
                    abandonRestart(container); // the daemon died during the policy's delay
                }
            }
            ContainerRecord now = container.record();
            restart = !autoRemove && !now.state().running()
                    && RestartManager.restartsOnDaemonStart(now.hostConfig().restartPolicy(), now.state());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot recover container " + container.id(), e);
            restart = false;
        } finally {
            container.lock.unlock();
        }
        if (autoRemove) {
            removeQuietly(container);
        } else if (restart) {
            try {
                start(container);
            } catch (EngineException | IOException e) {
                LOG.log(Level.WARNING, "cannot restart " + container.id() + " by its restart policy: " + e.getMessage());
            }
        }
    }

    /** @return whether the container exited meanwhile and should be auto-removed */
    private boolean recoverRunning(Container container, ContainerRecord record) {
        RuntimeState state;
        try {
            state = runtime.state(record.id());
        } catch (IOException e) {
            state = new RuntimeState(RuntimeState.Status.UNKNOWN, 0, java.util.OptionalInt.empty(), false);
        }
        if (state.exitCode().isEmpty() && state.status() == RuntimeState.Status.RUNNING) {
            long run = container.beginRun();
            mounts.readopt(record.id());
            try {
                container.output.connect(record.id(), runtime.attach(record.id()));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot re-attach to " + record.id() + "; its output is only in the log", e);
            }
            networking.recoverRunning(record);
            watchExit(container, run);
            watchLog(container, run);
            restartHealthcheck(container);
            return false;
        }
        int exitCode = state.exitCode().orElse(EXIT_LOST);
        if (state.status() != RuntimeState.Status.UNKNOWN || state.exitCode().isPresent()) {
            deleteFromRuntime(record.id());
        }
        networking.tearDown(record);
        unmount(record.id());
        ContainerRecord exited = record.withState(record.state().exited(exitCode, state.oomKilled(), Instant.now()));
        container.update(exited);
        try {
            store.save(exited);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot save container " + record.id(), e);
        }
        events.publish(exited, "die", Map.of("exitCode", Integer.toString(exitCode), "execDuration",
                Long.toString(Duration.between(record.state().startedAtInstant(), Instant.now()).toSeconds())));
        container.exited(new Container.Exit(exitCode, ""));
        return exited.hostConfig().autoRemove();
    }

    /** After a daemon restart the healthcheck starts over, as dockerd's restore does. */
    private void restartHealthcheck(Container container) {
        ContainerRecord record = container.record();
        Health initial = ContainerHealth.initial(record);
        if (initial == null) {
            return;
        }
        record = record.withState(record.state().withHealth(initial));
        container.update(record);
        try {
            store.save(record);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot save container " + record.id(), e);
        }
        health.watch(container);
    }

    List<Container> all() {
        return index.all();
    }
}
