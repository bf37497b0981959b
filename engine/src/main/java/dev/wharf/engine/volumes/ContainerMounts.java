package dev.wharf.engine.volumes;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.wharf.api.ApiJson;
import dev.wharf.api.types.HostConfig;
import dev.wharf.api.types.MountPoint;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.volumes.MountSpec.BindMount;
import dev.wharf.engine.volumes.MountSpec.TmpfsMount;
import dev.wharf.engine.volumes.MountSpec.VolumeMount;
import dev.wharf.runtime.ContainerSpec;
import dev.wharf.runtime.volume.CopyUp;
import dev.wharf.runtime.volume.LocalVolumeStore;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The mounts of every container: decided at create ({@link #plan}), kept in {@code <container dir>/mounts.json},
 * made ready at start ({@link #prepare}: volumes mounted, empty ones filled from the image, missing
 * {@code -v} bind sources created), released at exit and forgotten at removal.
 */
public final class ContainerMounts {
    private static final Logger LOG = System.getLogger(ContainerMounts.class.getName());
    private static final String FILE = "mounts.json";

    private final VolumeService volumes;
    private final Path containersDir;
    private final Map<String, List<MountSpec>> byContainer = new ConcurrentHashMap<>();
    /** The volumes each running container has mounted, so a release undoes exactly those. */
    private final Map<String, List<String>> mounted = new ConcurrentHashMap<>();

    public ContainerMounts(VolumeService volumes, Path containersDir) {
        this.volumes = volumes;
        this.containersDir = containersDir;
    }

    /**
     * Parses and validates the request's mounts, creates the volumes they need and records them. Bad
     * input fails before anything is created; {@code idOf} resolves a {@code --volumes-from} reference.
     */
    public void plan(String containerId, HostConfig hostConfig, Set<String> configVolumes,
            Function<String, String> idOf) throws IOException {
        List<MountSpec> specs = new ArrayList<>(MountParser.parseAll(hostConfig.binds(), hostConfig.mounts(),
                hostConfig.tmpfs()));
        for (MountSpec inherited : volumesFrom(hostConfig.volumesFrom(), idOf)) {
            if (specs.stream().noneMatch(s -> s.destination().equals(inherited.destination()))) {
                specs.add(inherited);
            }
        }
        for (String destination : configVolumes == null ? Set.<String>of() : configVolumes) {
            MountSpec anonymous = MountParser.anonymousVolume(destination, destination);
            if (specs.stream().noneMatch(s -> s.destination().equals(anonymous.destination()))) {
                specs.add(anonymous);
            }
        }
        specs.sort(Comparator.comparing(MountSpec::destination));
        List<MountSpec> resolved = new ArrayList<>();
        try {
            for (MountSpec spec : specs) {
                MountSpec ready = spec instanceof VolumeMount v ? withVolume(v, hostConfig.mounts()) : spec;
                resolved.add(ready);
                if (ready instanceof VolumeMount v) {
                    volumes.addUser(v.name(), containerId);
                }
            }
            if (!resolved.isEmpty()) {
                save(containerId, resolved); // no file reads as no mounts (recover): most containers write none
            }
        } catch (IOException | RuntimeException e) {
            release(containerId, resolved, true);
            throw e;
        }
        byContainer.put(containerId, List.copyOf(resolved));
    }

    /** Re-reads a container's mounts at daemon start: its volumes are in use again. */
    public void recover(String containerId) {
        List<MountSpec> specs;
        try {
            specs = ApiJson.mapper().readValue(file(containerId).toFile(), new TypeReference<List<MountSpec>>() {});
        } catch (java.io.FileNotFoundException | NoSuchFileException e) {
            return;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "unreadable mounts of " + containerId, e);
            return;
        }
        byContainer.put(containerId, List.copyOf(specs));
        specs.stream().filter(s -> s instanceof VolumeMount).map(s -> ((VolumeMount) s).name())
                .forEach(name -> volumes.addUser(name, containerId));
    }

    /**
     * Makes the container's mounts ready in front of a start and returns them for the runtime spec.
     * {@code rootfs} is the mounted image, the source of copy-up.
     */
    public List<ContainerSpec.Mount> prepare(String containerId, Path rootfs) throws IOException {
        var result = new ArrayList<ContainerSpec.Mount>();
        var mountedHere = mounted.computeIfAbsent(containerId, id -> new ArrayList<>());
        for (MountSpec spec : byContainer.getOrDefault(containerId, List.of())) {
            switch (spec) {
                case VolumeMount v -> {
                    var attributes = new LinkedHashMap<String, String>();
                    attributes.put("container", containerId);
                    attributes.put("destination", v.destination());
                    attributes.put("driver", LocalVolumeStore.DRIVER);
                    attributes.put("propagation", "");
                    attributes.put("read/write", Boolean.toString(!v.readOnly()));
                    Path data = volumes.mount(v.name(), containerId, attributes);
                    if (!mountedHere.contains(v.name())) {
                        mountedHere.add(v.name());
                    }
                    if (!v.noCopy()) {
                        CopyUp.fillIfEmpty(rootfs, v.destination(), data);
                    }
                    result.add(bind(v.destination(), data.toString(), MountParser.DEFAULT_PROPAGATION, v.readOnly()));
                }
                case BindMount b -> {
                    if (b.createSource() && !Files.exists(Path.of(b.source()))) {
                        Files.createDirectories(Path.of(b.source())); // what Docker does for -v, never for --mount
                    }
                    result.add(bind(b.destination(), b.source(), b.propagation(), b.readOnly()));
                }
                case TmpfsMount t -> result.add(new ContainerSpec.Mount(t.destination(), "tmpfs", "tmpfs",
                        TmpfsOptions.ociOptions(t.options(), t.readOnly())));
            }
        }
        return result;
    }

    /** The container stopped (or never started): its volumes are unmounted where it was the last user. */
    public void unmount(String containerId) {
        List<String> names = mounted.remove(containerId);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                volumes.unmount(name, containerId);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "cannot unmount volume " + name + " of " + containerId, e);
            }
        }
    }

    /** A running container adopted after a daemon restart holds its volumes' mounts again. */
    public void readopt(String containerId) {
        for (MountSpec spec : byContainer.getOrDefault(containerId, List.of())) {
            if (spec instanceof VolumeMount v) {
                try {
                    volumes.mount(v.name(), containerId, Map.of("container", containerId));
                    mounted.computeIfAbsent(containerId, id -> new ArrayList<>()).add(v.name());
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "cannot re-adopt volume " + v.name() + " of " + containerId, e);
                }
            }
        }
    }

    /** The container is removed; {@code removeAnonymous} ({@code rm -v}, {@code --rm}) takes its anonymous volumes along. */
    public void forget(String containerId, boolean removeAnonymous) {
        unmount(containerId);
        List<MountSpec> specs = byContainer.remove(containerId);
        release(containerId, specs == null ? List.of() : specs, removeAnonymous);
    }

    /** Inspect's and ps's {@code Mounts}. */
    public List<MountPoint> mountPoints(String containerId) {
        var points = new ArrayList<MountPoint>();
        for (MountSpec spec : byContainer.getOrDefault(containerId, List.of())) {
            switch (spec) {
                case VolumeMount v -> points.add(new MountPoint("volume", v.name(), volumes.dataDir(v.name()).toString(),
                        v.destination(), LocalVolumeStore.DRIVER, v.mode(), !v.readOnly(), ""));
                case BindMount b -> points.add(new MountPoint("bind", null, b.source(), b.destination(), null, b.mode(),
                        !b.readOnly(), b.propagation()));
                case TmpfsMount t -> {
                    if (t.listed()) {
                        points.add(new MountPoint("tmpfs", null, "", t.destination(), null, "", !t.readOnly(), ""));
                    }
                }
            }
        }
        return points;
    }

    /** The volume of {@code v}, created when missing with the labels and options its {@code --mount} gave. */
    private MountSpec withVolume(VolumeMount v, List<dev.wharf.api.types.Mount> requested) {
        var creation = MountParser.volumeCreation(requested, v.destination());
        String name = v.name() != null
                ? volumes.ensure(v.name(), creation.labels(), creation.options()).name()
                : volumes.createAnonymous(creation.labels(), creation.options()).name();
        return new VolumeMount(v.destination(), name, v.anonymous(), v.readOnly(), v.noCopy(), v.mode());
    }

    /** {@code --volumes-from c[:ro|rw]}: the volumes and binds of c, read-only when asked. */
    private List<MountSpec> volumesFrom(List<String> references, Function<String, String> idOf) {
        var inherited = new ArrayList<MountSpec>();
        for (String reference : references == null ? List.<String>of() : references) {
            String[] parts = reference.split(":", -1);
            if (parts.length > 2 || (parts.length == 2 && !Set.of("ro", "rw").contains(parts[1]))) {
                throw new InvalidArgumentException("invalid mode: " + (parts.length == 2 ? parts[1] : reference));
            }
            String id = idOf.apply(parts[0]);
            for (MountSpec spec : byContainer.getOrDefault(id, List.of())) {
                if (spec instanceof TmpfsMount) {
                    continue;
                }
                inherited.add(parts.length == 2 ? spec.withAccess(parts[1].equals("ro"), parts[1]) : spec);
            }
        }
        return inherited;
    }

    private void release(String containerId, List<MountSpec> specs, boolean removeAnonymous) {
        for (MountSpec spec : specs) {
            if (spec instanceof VolumeMount v) {
                try {
                    volumes.removeUser(v.name(), containerId, removeAnonymous && v.anonymous());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "cannot release volume " + v.name() + " of " + containerId, e);
                }
            }
        }
    }

    private void save(String containerId, List<MountSpec> specs) throws IOException {
        Path target = file(containerId);
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling(FILE + ".tmp");
        Files.write(temp, ApiJson.mapper().writerFor(new TypeReference<List<MountSpec>>() {}).writeValueAsBytes(specs));
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private Path file(String containerId) {
        return containersDir.resolve(containerId).resolve(FILE);
    }

    private static ContainerSpec.Mount bind(String destination, String source, String propagation, boolean readOnly) {
        var options = new ArrayList<>(List.of("rbind", propagation));
        if (readOnly) {
            options.add("ro");
        }
        return new ContainerSpec.Mount(destination, "bind", source, options);
    }
}
