package dev.wharf.engine.volumes;

import dev.wharf.api.types.Volume;
import dev.wharf.api.types.VolumeCreateRequest;
import dev.wharf.api.types.VolumeListResponse;
import dev.wharf.api.types.VolumePruneResponse;
import dev.wharf.engine.errors.ConflictException;
import dev.wharf.engine.errors.EngineException;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.errors.NotFoundException;
import dev.wharf.engine.errors.SystemException;
import dev.wharf.engine.events.EventBus;
import dev.wharf.engine.filters.Filters;
import dev.wharf.runtime.volume.LocalVolumeStore;
import dev.wharf.runtime.volume.VolumeException;
import dev.wharf.runtime.volume.VolumeRecord;
import dev.wharf.runtime.volume.VolumeStore;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The volume endpoints and what containers need of volumes: which containers reference a volume (it
 * cannot be removed then) and which have it mounted (the driver's mount stays while one does).
 */
public final class VolumeService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> LIST_FILTERS = Set.of("dangling", "name", "label", "driver");
    private static final Set<String> PRUNE_FILTERS = Set.of("label", "label!", "all");

    private final VolumeStore store;
    private final EventBus events;
    /** volume name → IDs of the containers whose mounts name it */
    private final Map<String, Set<String>> users = new HashMap<>();
    /** volume name → IDs of the running containers that have it mounted */
    private final Map<String, Set<String>> mountedBy = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();

    public VolumeService(VolumeStore store, EventBus events) {
        this.store = store;
        this.events = events;
    }

    /** POST /volumes/create: an existing volume of that name is returned as it is, as Docker does. */
    public Volume create(VolumeCreateRequest request) {
        String name = request == null || request.name() == null || request.name().isEmpty() ? randomName() : request.name();
        String driver = request == null || request.driver() == null || request.driver().isEmpty()
                ? LocalVolumeStore.DRIVER : request.driver();
        if (!driver.equals(LocalVolumeStore.DRIVER)) {
            throw new NotFoundException("error looking up volume plugin " + driver + ": plugin \"" + driver + "\" not found");
        }
        lock.lock();
        try {
            var existing = find(name);
            return view(existing != null ? existing
                    : createRecord(name, request == null ? null : request.labels(),
                            request == null ? null : request.driverOpts()));
        } finally {
            lock.unlock();
        }
    }

    public Volume inspect(String name) {
        VolumeRecord volume = find(name);
        if (volume == null) {
            throw new NotFoundException("get " + name + ": no such volume");
        }
        return view(volume);
    }

    public VolumeListResponse list(Filters filters) {
        filters.accept(LIST_FILTERS);
        Boolean dangling = filters.booleanValue("dangling");
        var volumes = new ArrayList<Volume>();
        lock.lock();
        try {
            for (VolumeRecord v : all()) {
                if ((dangling == null || dangling == isUnused(v.name()))
                        && (!filters.has("name") || filters.get("name").stream().anyMatch(v.name()::contains))
                        && filters.exactMatch("driver", v.driver())
                        && filters.matchLabels("label", v.labels())) {
                    volumes.add(view(v));
                }
            }
        } finally {
            lock.unlock();
        }
        return new VolumeListResponse(volumes, null);
    }

    /** DELETE /volumes/{name}: 409 while a container uses it; {@code force} ignores a missing volume. */
    public void remove(String name, boolean force) {
        lock.lock();
        try {
            VolumeRecord volume = find(name);
            if (volume == null) {
                if (force) {
                    return;
                }
                throw new NotFoundException("get " + name + ": no such volume");
            }
            if (!isUnused(name)) {
                throw new ConflictException("remove " + name + ": volume is in use - " + List.copyOf(users.get(name)));
            }
            destroy(volume);
        } finally {
            lock.unlock();
        }
    }

    /** POST /volumes/prune: unused anonymous volumes, or all unused ones with {@code all=true}. */
    public VolumePruneResponse prune(Filters filters) {
        filters.accept(PRUNE_FILTERS);
        boolean everything = filters.has("all") && Boolean.TRUE.equals(filters.booleanValue("all"));
        var deleted = new ArrayList<String>();
        long reclaimed = 0;
        lock.lock();
        try {
            for (VolumeRecord v : all()) {
                if (!isUnused(v.name()) || (!everything && !v.anonymous())
                        || !filters.matchLabels("label", v.labels()) || filters.matchesAnyLabel("label!", v.labels())) {
                    continue;
                }
                long size = DirectorySize.of(store.dataDir(v.name()));
                destroy(v);
                deleted.add(v.name());
                reclaimed += size;
            }
        } finally {
            lock.unlock();
        }
        events.publish("volume", "prune", "", Map.of("reclaimed", Long.toString(reclaimed)));
        return new VolumePruneResponse(deleted, reclaimed);
    }

    /**
     * {@code system df}: every volume with its size on disk and the number of containers that
     * reference it (Docker's UsageData); sizes are measured outside the lock.
     */
    public List<Volume> usage() {
        Map<VolumeRecord, Integer> references = new java.util.LinkedHashMap<>();
        lock.lock();
        try {
            for (VolumeRecord v : all()) {
                references.put(v, users.getOrDefault(v.name(), Set.of()).size());
            }
        } finally {
            lock.unlock();
        }
        var volumes = new ArrayList<Volume>();
        references.forEach((v, count) -> volumes.add(view(v,
                new Volume.UsageData(DirectorySize.of(store.dataDir(v.name())), count))));
        return volumes;
    }

    // ---- for containers ------------------------------------------------------------------------

    /**
     * A named volume of {@code -v name:/dst}: the existing one, or a new one with {@code --mount}'s
     * volume-label and volume-opt (null when none).
     */
    VolumeRecord ensure(String name, Map<String, String> labels, Map<String, String> options) {
        lock.lock();
        try {
            VolumeRecord existing = find(name);
            return existing != null ? existing : createRecord(name, labels, options);
        } finally {
            lock.unlock();
        }
    }

    VolumeRecord createAnonymous(Map<String, String> labels, Map<String, String> options) {
        var withMarker = new java.util.HashMap<String, String>(labels == null ? Map.of() : labels);
        withMarker.put(VolumeRecord.ANONYMOUS_LABEL, "");
        lock.lock();
        try {
            return createRecord(randomName(), withMarker, options);
        } finally {
            lock.unlock();
        }
    }

    /** The container's mounts name the volume: it is in use from now on. Fails when the volume is gone. */
    void addUser(String name, String containerId) {
        lock.lock();
        try {
            users.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(containerId);
        } finally {
            lock.unlock();
        }
    }

    /** The container is gone; with {@code removeIfAnonymous} its anonymous volume goes too unless another uses it. */
    void removeUser(String name, String containerId, boolean removeIfAnonymous) {
        lock.lock();
        try {
            Set<String> ids = users.get(name);
            if (ids != null && ids.remove(containerId) && ids.isEmpty()) {
                users.remove(name);
            }
            VolumeRecord volume = find(name);
            if (removeIfAnonymous && volume != null && volume.anonymous() && isUnused(name)) {
                destroy(volume);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Mounts the volume for a starting container (the driver's mount is made for the first one). */
    Path mount(String name, String containerId, Map<String, String> eventAttributes) throws IOException {
        lock.lock();
        try {
            VolumeRecord volume = find(name);
            if (volume == null) {
                throw new NotFoundException("get " + name + ": no such volume");
            }
            Set<String> ids = mountedBy.computeIfAbsent(name, n -> new LinkedHashSet<>());
            Path data = ids.isEmpty() ? store.mount(volume) : store.dataDir(name);
            if (ids.add(containerId)) {
                events.publish("volume", "mount", name, eventAttributes);
            }
            return data;
        } finally {
            lock.unlock();
        }
    }

    /** The container stopped: the driver's mount goes with the last one. */
    void unmount(String name, String containerId) throws IOException {
        lock.lock();
        try {
            Set<String> ids = mountedBy.get(name);
            if (ids == null || !ids.remove(containerId)) {
                return;
            }
            events.publish("volume", "unmount", name, Map.of("container", containerId, "driver", LocalVolumeStore.DRIVER));
            if (ids.isEmpty()) {
                mountedBy.remove(name);
                VolumeRecord volume = find(name);
                if (volume != null) {
                    store.unmount(volume);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    Path dataDir(String name) {
        return store.dataDir(name);
    }

    // ---- internals -----------------------------------------------------------------------------

    private VolumeRecord createRecord(String name, Map<String, String> labels, Map<String, String> options) {
        try {
            VolumeRecord volume = store.create(name, labels, options);
            events.publish("volume", "create", name, Map.of("driver", volume.driver()));
            return volume;
        } catch (IOException e) {
            throw translate(e);
        }
    }

    private void destroy(VolumeRecord volume) {
        try {
            store.remove(volume.name());
        } catch (IOException e) {
            throw translate(e);
        }
        events.publish("volume", "destroy", volume.name(), Map.of("driver", volume.driver()));
    }

    private boolean isUnused(String name) {
        return !users.containsKey(name) && !mountedBy.containsKey(name);
    }

    private VolumeRecord find(String name) {
        try {
            return store.get(name).orElse(null);
        } catch (IOException e) {
            throw translate(e);
        }
    }

    private List<VolumeRecord> all() {
        try {
            return store.list();
        } catch (IOException e) {
            throw translate(e);
        }
    }

    private Volume view(VolumeRecord v) {
        return view(v, null);
    }

    private Volume view(VolumeRecord v, Volume.UsageData usage) {
        return new Volume(v.createdAt(), v.driver(), v.labels(), store.dataDir(v.name()).toString(), v.name(),
                v.options(), "local", usage);
    }

    private static EngineException translate(IOException e) {
        if (e instanceof VolumeException v) {
            return switch (v.kind()) {
                case NOT_FOUND -> new NotFoundException(v.getMessage(), v);
                case CONFLICT -> new ConflictException(v.getMessage(), v);
                case INVALID -> new InvalidArgumentException(v.getMessage(), v);
            };
        }
        return new SystemException(e.getMessage(), e);
    }

    private static String randomName() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
