package dev.wharf.runtime.volume;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.runtime.overlay.Directories;
import dev.wharf.runtime.overlay.MountTable;
import dev.wharf.runtime.volume.VolumeException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Docker's local driver on disk: {@code <root>/<name>/_data} and {@code <root>/<name>/volume.json}.
 * A volume appears and disappears by renaming its whole directory, so a crash never leaves half of one.
 */
public final class LocalVolumeStore implements VolumeStore {
    public static final String DRIVER = "local";
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
    private static final Set<String> OPTION_KEYS = Set.of("type", "device", "o");
    private static final String METADATA = "volume.json";
    private static final String DATA = "_data";
    /** Directories being created or deleted; skipped by list() and swept at open(). */
    private static final String IN_FLIGHT = ".";

    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Path root;
    private final DriverMounts mounts;

    private LocalVolumeStore(Path root, DriverMounts mounts) {
        this.root = root;
        this.mounts = mounts;
    }

    /** Opens (creating) the store and finishes what a crash interrupted. */
    public static LocalVolumeStore open(Path root) throws IOException {
        Files.createDirectories(root);
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        try (var entries = Files.list(root)) {
            for (Path entry : entries.filter(e -> e.getFileName().toString().startsWith(IN_FLIGHT)).toList()) {
                Directories.deleteRecursively(entry);
            }
        }
        return new LocalVolumeStore(root, new DriverMounts());
    }

    @Override
    public synchronized VolumeRecord create(String name, Map<String, String> labels, Map<String, String> options)
            throws IOException {
        if (!NAME.matcher(name).matches()) {
            throw new VolumeException(Kind.INVALID, "create " + name + ": \"" + name + "\" includes invalid characters"
                    + " for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed."
                    + " If you intended to pass a host directory, use absolute path");
        }
        for (String key : options == null ? Set.<String>of() : options.keySet()) {
            if (!OPTION_KEYS.contains(key)) {
                throw new VolumeException(Kind.INVALID, "create " + name + ": invalid option key: \"" + key + "\"");
            }
        }
        Path dir = root.resolve(name);
        if (Files.exists(dir)) {
            throw new VolumeException(Kind.CONFLICT, "volume " + name + " already exists");
        }
        var record = new VolumeRecord(name, DRIVER, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                labels == null || labels.isEmpty() ? null : Map.copyOf(labels),
                options == null || options.isEmpty() ? null : Map.copyOf(options));
        Path staging = root.resolve(IN_FLIGHT + "creating-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging.resolve(DATA));
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwx-----x"));
            Files.setPosixFilePermissions(staging.resolve(DATA), PosixFilePermissions.fromString("rwxr-xr-x"));
            json.writeValue(staging.resolve(METADATA).toFile(), record);
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Directories.deleteRecursively(staging);
            throw e;
        }
        return record;
    }

    @Override
    public Optional<VolumeRecord> get(String name) throws IOException {
        if (name.isEmpty() || name.startsWith(IN_FLIGHT) || name.contains("/")) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(root.resolve(name).resolve(METADATA).toFile(), VolumeRecord.class));
        } catch (java.io.FileNotFoundException | NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<VolumeRecord> list() throws IOException {
        var volumes = new ArrayList<VolumeRecord>();
        try (var entries = Files.list(root)) {
            for (Path entry : entries.sorted().toList()) {
                get(entry.getFileName().toString()).ifPresent(volumes::add);
            }
        }
        volumes.sort(Comparator.comparing(VolumeRecord::name));
        return volumes;
    }

    @Override
    public Path dataDir(String name) {
        return root.resolve(name).resolve(DATA);
    }

    @Override
    public synchronized Path mount(VolumeRecord volume) throws IOException {
        Path data = dataDir(volume.name());
        if (volume.needsMount() && !MountTable.isMountPoint(data)) {
            mounts.mount(volume.options(), data);
        }
        return data;
    }

    @Override
    public synchronized void unmount(VolumeRecord volume) throws IOException {
        Path data = dataDir(volume.name());
        if (volume.needsMount() && MountTable.isMountPoint(data)) {
            mounts.unmount(data);
        }
    }

    @Override
    public synchronized void remove(String name) throws IOException {
        VolumeRecord volume = get(name).orElseThrow(() -> new VolumeException(Kind.NOT_FOUND, "no such volume"));
        unmount(volume); // a mounted device must never be emptied by the deletion below
        Path doomed = root.resolve(IN_FLIGHT + "removing-" + UUID.randomUUID());
        Files.move(root.resolve(name), doomed, StandardCopyOption.ATOMIC_MOVE);
        Directories.deleteRecursively(doomed);
    }

}
