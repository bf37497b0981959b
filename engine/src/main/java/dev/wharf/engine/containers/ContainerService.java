package dev.wharf.engine.containers;

import dev.wharf.api.types.ContainerConfig;
import dev.wharf.api.types.ContainerCreateRequest;
import dev.wharf.api.types.ContainerCreateResponse;
import dev.wharf.api.types.ContainerInspect;
import dev.wharf.api.types.ContainerSummary;
import dev.wharf.api.types.ContainerTopResponse;
import dev.wharf.api.types.ContainerUpdateRequest;
import dev.wharf.api.types.ContainerUpdateResponse;
import dev.wharf.api.types.HostConfig;
import dev.wharf.engine.DaemonPaths;
import dev.wharf.engine.containers.health.HealthCheck;
import dev.wharf.engine.errors.EngineException;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.errors.NotFoundException;
import dev.wharf.engine.errors.NotModifiedException;
import dev.wharf.engine.errors.SystemException;
import dev.wharf.engine.events.EventBus;
import dev.wharf.engine.networks.ContainerConnector;
import dev.wharf.engine.networks.NetworkRecord;
import dev.wharf.engine.networks.NetworkService;
import dev.wharf.engine.filters.Filters;
import dev.wharf.engine.volumes.ContainerMounts;
import dev.wharf.image.BlobStore;
import dev.wharf.image.Digest;
import dev.wharf.image.Image;
import dev.wharf.image.ImageException;
import dev.wharf.image.ImageStore;
import dev.wharf.image.InvalidReferenceException;
import dev.wharf.runtime.ContainerRuntime;
import dev.wharf.runtime.Snapshotter;
import dev.wharf.runtime.stats.ResourceUsage;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** Containers: their records on disk and their lifecycle through the runtime. */
public final class ContainerService implements ContainerConnector {
    private static final Logger LOG = System.getLogger(ContainerService.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int DEFAULT_STOP_TIMEOUT = 10;

    /** Counts for /info. */
    public record Counts(int total, int running, int paused, int stopped) {}

    private final ContainerStore store;
    private final ContainerIndex index = new ContainerIndex();
    private final ImageStore images;
    private final Snapshotter snapshotter;
    private final ContainerEvents events;
    private final ContainerLifecycle lifecycle;
    private final ContainerControl control;
    private final ContainerMounts mounts;
    private final ContainerFiles files;
    private final ContainerCommitter committer;
    private final ContainerPruner pruner;
    private final ContainerRuntime runtime;
    private final ContainerNetworking networking;
    private final ExecService execs;

    public ContainerService(DaemonPaths paths, BlobStore blobs, ImageStore images, Snapshotter snapshotter,
            ContainerRuntime runtime, EventBus events, ContainerMounts mounts, NetworkService networks) {
        this.store = new ContainerStore(paths.containers());
        this.images = images;
        this.snapshotter = snapshotter;
        this.events = new ContainerEvents(events);
        this.mounts = mounts;
        this.runtime = runtime;
        this.networking = new ContainerNetworking(networks, store, index::get);
        this.execs = new ExecService(index::get, runtime, this.events);
        ContainerHealth health = new ContainerHealth(store, this.events, execs);
        this.lifecycle = new ContainerLifecycle(store, index, blobs, images, snapshotter, runtime, this.events, mounts,
                networking, health);
        this.control = new ContainerControl(store, index, runtime, this.events, health);
        this.files = new ContainerFiles(index, store, lifecycle, snapshotter, this.events);
        this.committer = new ContainerCommitter(index, snapshotter, blobs, images, this.events, events, control);
        this.pruner = new ContainerPruner(index, lifecycle, this::sizeRw, events);
    }

    /** The execs of these containers ({@code /containers/{id}/exec}, {@code /exec/…}); healthchecks probe through it. */
    public ExecService execs() {
        return execs;
    }

    /** Re-adopts containers after a daemon start: running ones are watched again, exits are recorded. */
    public void recover() {
        recoverContainers();
        networking.sweep(index.all().stream().map(Container::id).collect(java.util.stream.Collectors.toSet()));
    }

    private void recoverContainers() {
        List<ContainerRecord> records;
        try {
            records = store.loadAll();
        } catch (IOException e) {
            throw new SystemException("cannot read containers: " + e.getMessage(), e);
        }
        for (ContainerRecord record : records) {
            Container container = new Container(record);
            try {
                index.add(container);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "skipping container " + record.id() + ": " + e.getMessage());
                continue;
            }
            mounts.recover(record.id());
            lifecycle.recover(container);
        }
    }

    public Counts counts() {
        int total = 0;
        int running = 0;
        int paused = 0;
        for (Container container : index.all()) {
            total++;
            RunState state = container.record().state();
            if (state.paused()) {
                paused++;
            } else if (state.running() || state.restarting()) {
                running++;
            }
        }
        return new Counts(total, running, paused, total - running - paused);
    }

    /** The ID of a container created from the image, if any (an image in use cannot be removed). */
    public Optional<String> findUsingImage(Digest imageId) {
        return index.all().stream().map(Container::record).filter(r -> r.imageId().equals(imageId))
                .map(ContainerRecord::id).findFirst();
    }

    /**
     * Deletes the unpacked layers among {@code candidates} that neither a remaining image ({@code inImages})
     * nor a container uses, so that removing an image frees its disk space as with dockerd.
     */
    public void removeUnusedLayers(List<Digest> candidates, Set<Digest> inImages) throws IOException {
        Set<Digest> inContainers = new HashSet<>();
        index.all().forEach(container -> inContainers.addAll(container.record().diffIds()));
        for (Digest diffId : new LinkedHashSet<>(candidates)) {
            if (!inImages.contains(diffId) && !inContainers.contains(diffId) && snapshotter.hasLayer(diffId)) {
                snapshotter.removeLayer(diffId);
            }
        }
    }

    /** POST /containers/create. */
    public ContainerCreateResponse create(ContainerCreateRequest request, String requestedName) throws IOException {
        if (request == null) {
            throw new InvalidArgumentException("config cannot be empty in order to create a container");
        }
        String name = requestedName == null || requestedName.isEmpty() ? null : ContainerNames.validate(requestedName);
        HostConfig hostConfig = HostConfigDefaults.apply(request.hostConfig());
        RestartManager.validate(hostConfig.restartPolicy(), hostConfig.autoRemove());
        RuntimeOptions.validate(hostConfig);
        LogSettings.of(hostConfig.logConfig()); // Docker refuses unknown drivers and options at create
        HealthCheck.validate(request.config().healthcheck());
        networking.validate(hostConfig.networkMode(), request.networkingConfig());
        Image image = lookupImage(request.config().image());
        String id = newId();
        ContainerConfig config = ContainerConfigMerger.merge(request.config(), image.config().containerConfig(), id);
        List<String> argv = ContainerConfigMerger.argv(config);
        String hostResolvConf = EtcFiles.readHostResolvConf(EtcFiles.HOST_RESOLV_CONF);
        List<Digest> diffIds = image.config().rootfs() == null ? List.of() : image.config().rootfs().diffIds();

        register(name, chosen -> new ContainerRecord(id, chosen, Timestamps.rfc3339Nano(Instant.now()), image.id(),
                diffIds, argv.getFirst(), argv.subList(1, argv.size()), config, hostConfig, RunState.CREATED,
                ContainerNetworking.endpoints(hostConfig.networkMode(), request.networkingConfig())), hostResolvConf);
        return new ContainerCreateResponse(id, List.of());
    }

    /**
     * A classic build's RUN container, kept as dockerd keeps it (failed, or any with {@code --rm=false}): exited
     * with the step's exit code, on the step's parent image, its writable layer the snapshot in place under {@code id}.
     */
    public void adoptExited(String id, ContainerConfig requested, int exitCode, Instant started, Instant finished)
            throws IOException {
        adopt(id, requested, started, new RunState(false, false, false, false, false, false, 0, exitCode, "",
                Timestamps.rfc3339Nano(started), Timestamps.rfc3339Nano(finished), 0, false, null));
    }

    /** A classic build's step container that never ran (a metadata step's with {@code --rm=false}): created. */
    public void adoptCreated(String id, ContainerConfig requested) throws IOException {
        adopt(id, requested, Instant.now(), RunState.CREATED);
    }

    private void adopt(String id, ContainerConfig requested, Instant created, RunState state) throws IOException {
        HostConfig hostConfig = HostConfigDefaults.apply(null);
        Image image = lookupImage(requested.image());
        ContainerConfig config = ContainerConfigMerger.merge(requested, image.config().containerConfig(), id);
        List<String> argv = ContainerConfigMerger.argv(config);
        List<Digest> diffIds = image.config().rootfs() == null ? List.of() : image.config().rootfs().diffIds();
        register(null, chosen -> new ContainerRecord(id, chosen, Timestamps.rfc3339Nano(created), image.id(), diffIds,
                argv.getFirst(), argv.subList(1, argv.size()), config, hostConfig, state, null),
                EtcFiles.readHostResolvConf(EtcFiles.HOST_RESOLV_CONF));
    }

    /** Adds the record under the name (or a generated one), with its mounts and files, and announces it. */
    private void register(String name, java.util.function.Function<String, ContainerRecord> named, String hostResolvConf)
            throws IOException {
        Container container;
        while (true) {
            container = new Container(named.apply(name != null ? name : ContainerNames.generate(index::nameTaken)));
            try {
                index.add(container);
                break;
            } catch (dev.wharf.engine.errors.ConflictException e) {
                if (name != null) {
                    throw e;
                }
            }
        }
        ContainerRecord record = container.record();
        String id = record.id();
        try {
            mounts.plan(id, record.hostConfig(), record.config().volumes() == null ? null : record.config().volumes().keySet(),
                    reference -> get(reference).id());
            store.writeEtcFiles(record, hostResolvConf);
            store.save(record);
        } catch (IOException | RuntimeException e) {
            mounts.forget(id, true);
            index.remove(container);
            store.delete(id);
            throw e;
        }
        events.publish(record, "create");
    }

    /** Docker's lookup by full ID, name or unique ID prefix; 404 {@code No such container: x}. */
    public Container get(String reference) {
        return index.get(reference);
    }

    /** A sample of a running container's resource usage; empty when it is not running. */
    public java.util.Optional<ResourceUsage> usage(Container container) throws IOException {
        return container.record().state().running()
                ? java.util.Optional.of(runtime.usage(container.record().id()))
                : java.util.Optional.empty();
    }

    public void start(String reference) throws IOException {
        lifecycle.start(get(reference));
    }

    /** POST /containers/{id}/kill; every failure reads {@code Cannot kill container: <ref>: …}, as moby's router wraps it. */
    public void kill(String reference, String signal) throws IOException {
        try {
            int number = Signals.parse(signal);
            lifecycle.kill(get(reference), number);
        } catch (EngineException e) {
            throw EngineException.wrap("Cannot kill container: " + reference, e);
        }
    }

    public void pause(String reference) throws IOException {
        control.pause(get(reference));
    }

    public void unpause(String reference) throws IOException {
        control.unpause(get(reference));
    }

    public ContainerTopResponse top(String reference, String psArgs) throws IOException {
        return control.top(get(reference), psArgs);
    }

    public ContainerUpdateResponse update(String reference, ContainerUpdateRequest request) throws IOException {
        if (request == null) {
            throw new InvalidArgumentException("update config cannot be empty");
        }
        return control.update(get(reference), request);
    }

    public void rename(String reference, String newName) throws IOException {
        if (newName == null || newName.isEmpty()) {
            throw new InvalidArgumentException("Neither old nor new names may be empty");
        }
        control.rename(get(reference), newName);
    }

    /**
     * POST /containers/{id}/stop: {@code signal} and {@code t} from the query, else the config's, else TERM
     * and 10 s. An unknown signal fails only a running container, with moby's 500 (a System error around
     * the parse error).
     */
    public void stop(String reference, String signal, Integer timeoutSeconds) throws IOException {
        try {
            stopRunning(get(reference), signal, timeoutSeconds);
        } catch (InvalidArgumentException e) {
            throw new SystemException("cannot stop container: " + reference + ": " + e.getMessage(), e);
        }
    }

    /** POST /containers/{id}/restart: stop when running, then start; a bad signal is moby's 400. */
    public void restart(String reference, String signal, Integer timeoutSeconds) throws IOException {
        try {
            stopRunning(get(reference), signal, timeoutSeconds);
        } catch (NotModifiedException e) {
            // not running: just start it
        } catch (InvalidArgumentException e) {
            throw EngineException.wrap("Cannot restart container " + reference, e);
        }
        start(reference);
        events.publish(get(reference).record(), "restart");
    }

    /** 304 unless running (restarting counts, as in moby); the signal is parsed only then. */
    private void stopRunning(Container container, String signal, Integer timeoutSeconds) throws IOException {
        RunState state = container.record().state();
        if (!state.running() && !state.restarting()) {
            throw new NotModifiedException("Container already stopped");
        }
        ContainerConfig config = container.record().config();
        String stopSignal = signal != null && !signal.isEmpty() ? signal : config.stopSignal();
        int timeout = timeoutSeconds != null ? timeoutSeconds
                : config.stopTimeout() != null ? config.stopTimeout() : DEFAULT_STOP_TIMEOUT;
        lifecycle.stop(container, Signals.parse(stopSignal, Signals.SIGTERM), timeout);
    }

    /** A client typed the detach keys: moby's {@code detach} event. */
    void detached(Container container) {
        events.publish(container.record(), "detach");
    }

    public void resize(String reference, int rows, int cols) throws IOException {
        lifecycle.resize(get(reference), rows, cols);
    }

    /** POST /networks/{id}/connect: recorded for the next start; a running container joins at once. */
    @Override
    public void connect(String reference, NetworkRecord network, dev.wharf.api.types.EndpointSettings config)
            throws IOException {
        Container container = get(reference);
        container.lock.lock();
        try {
            networking.connect(container, network, config);
        } finally {
            container.lock.unlock();
        }
    }

    @Override
    public void disconnect(String reference, NetworkRecord network, boolean force) throws IOException {
        Container container = get(reference);
        container.lock.lock();
        try {
            networking.disconnect(container, network);
        } finally {
            container.lock.unlock();
        }
    }

    /** DELETE /containers/{id}; {@code removeVolumes} ({@code ?v=1}) takes the anonymous volumes along. */
    public void remove(String reference, boolean force, boolean removeVolumes) throws IOException {
        lifecycle.remove(get(reference), force, removeVolumes);
    }

    /**
     * {@code wait?condition=}: not-running (the default; a created or exited container is done at
     * once), next-exit, removed.
     */
    public CompletableFuture<Container.Exit> waitFor(String reference, String condition) {
        Container container = get(reference);
        return switch (condition == null ? "" : condition) {
            case "", "not-running" -> {
                container.lock.lock();
                try {
                    RunState state = container.record().state();
                    yield state.running() || state.restarting()
                            ? container.nextExit()
                            : CompletableFuture.completedFuture(new Container.Exit(state.exitCode(), state.error()));
                } finally {
                    container.lock.unlock();
                }
            }
            case "next-exit" -> container.nextExit();
            case "removed" -> container.removed;
            default -> throw new InvalidArgumentException("invalid condition: \"" + condition + "\"");
        };
    }

    public ContainerInspect inspect(String reference, boolean size) {
        Container container = get(reference);
        ContainerRecord record = container.record();
        Long sizeRw = size ? sizeRw(record) : null;
        Long sizeRootFs = size ? sizeRw + imageSize(record) : null;
        return ContainerViews.inspect(record, store, snapshotter.upperDir(record.id()), sizeRw, sizeRootFs,
                mounts.mountPoints(record.id()), List.copyOf(container.execIds),
                ContainerNetworkViews.settings(record, networking));
    }

    /** GET /containers/json: newest first, running only unless {@code all} (or a filter that implies it). */
    public List<ContainerSummary> list(boolean all, int limit, boolean size, Filters filters) {
        var predicate = new ContainerFilters(filters, this::imageIdOf, ref -> get(ref).record());
        boolean everything = all || limit > 0 || predicate.impliesAll();
        Instant now = Instant.now();
        Stream<ContainerRecord> records = index.all().stream().map(Container::record)
                .filter(r -> everything || r.state().running())
                .filter(predicate)
                .sorted(Comparator.comparing((ContainerRecord r) -> Timestamps.parse(r.created())).reversed());
        if (limit > 0) {
            records = records.limit(limit);
        }
        return records.map(r -> {
            Long sizeRw = size ? sizeRw(r) : null;
            return ContainerViews.summary(r, now, sizeRw, size ? sizeRw + imageSize(r) : null,
                    mounts.mountPoints(r.id()), ContainerNetworkViews.ports(r, networking),
                    ContainerNetworkViews.summary(r, networking));
        }).toList();
    }

    /** POST /containers/prune. */
    public dev.wharf.api.types.ContainerPruneResponse prune(Filters filters) {
        return pruner.prune(filters);
    }

    /** The endpoints on the containers' files (cp, export, diff, commit). */
    FileRoutes fileRoutes() {
        return new FileRoutes(files, committer);
    }

    /** The k8s-file log conmon writes for the container. */
    Path logFile(Container container) {
        return store.logFile(container.id());
    }

    private Image lookupImage(String reference) throws IOException {
        if (reference == null || reference.isEmpty()) {
            throw new InvalidArgumentException("No image specified");
        }
        try {
            return images.lookup(reference).orElseThrow(
                    () -> new NotFoundException("No such image: " + withDefaultTag(reference)));
        } catch (InvalidReferenceException e) {
            throw new InvalidArgumentException(e.getMessage(), e);
        } catch (ImageException e) {
            if (String.valueOf(e.getMessage()).contains("multiple IDs")) { // an ambiguous ID prefix
                throw new InvalidArgumentException(e.getMessage().replaceFirst("^Error response from daemon: ", ""), e);
            }
            throw e;
        }
    }

    /** How Docker names a missing image: a reference without tag or digest gets {@code :latest}. */
    static String withDefaultTag(String reference) {
        if (reference.contains("@") || reference.startsWith("sha256:")) {
            return reference;
        }
        String last = reference.substring(reference.lastIndexOf('/') + 1);
        return last.contains(":") ? reference : reference + ":latest";
    }

    private Optional<Digest> imageIdOf(String reference) {
        try {
            return images.lookup(reference).map(Image::id);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** 64 hex digits whose short form is not all digits (moby avoids IDs that parse as numbers). */
    private static String newId() {
        while (true) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String id = HexFormat.of().formatHex(bytes);
            if (!id.substring(0, 12).chars().allMatch(Character::isDigit)) {
                return id;
            }
        }
    }

    private long sizeRw(ContainerRecord record) {
        Path upper = snapshotter.upperDir(record.id());
        if (!Files.isDirectory(upper)) {
            return 0;
        }
        try (var files = Files.walk(upper)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private long imageSize(ContainerRecord record) {
        try {
            return images.get(record.imageId()).map(Image::size).orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }
}
