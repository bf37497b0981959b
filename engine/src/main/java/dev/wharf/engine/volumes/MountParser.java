package dev.wharf.engine.volumes;

import dev.wharf.api.types.Mount;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.volumes.MountSpec.BindMount;
import dev.wharf.engine.volumes.MountSpec.TmpfsMount;
import dev.wharf.engine.volumes.MountSpec.VolumeMount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * moby's Linux mount parser: {@code HostConfig.Binds} ({@code -v src:dst[:mode]}), {@code HostConfig.Mounts}
 * ({@code --mount}) and {@code HostConfig.Tmpfs} ({@code --tmpfs}) into {@link MountSpec}s, with Docker's
 * error messages. Pure: nothing is created here. An anonymous volume comes out with a null name.
 */
final class MountParser {
    static final Set<String> PROPAGATIONS = Set.of("private", "rprivate", "shared", "rshared", "slave", "rslave");
    static final String DEFAULT_PROPAGATION = "rprivate";

    private MountParser() {}

    /** One {@code -v} spec; {@code -v /path} (a single absolute path) is an anonymous volume. */
    static MountSpec parseBind(String raw) {
        String[] parts = raw.split(":", -1);
        if (parts.length > 3 || raw.isEmpty() || java.util.Arrays.stream(parts).anyMatch(String::isEmpty)) {
            throw new InvalidArgumentException("invalid volume specification: '" + raw + "'");
        }
        if (parts.length == 1) {
            return anonymousVolume(raw, raw);
        }
        String source = parts[0];
        String destination = parts[1];
        String mode = parts.length == 3 ? parts[2] : "";
        Set<String> modes = mode.isEmpty() ? Set.of() : Set.of(mode.split(","));
        for (String m : modes) {
            if (!validMode(m)) {
                throw new InvalidArgumentException("invalid mode: " + mode);
            }
        }
        boolean bind = source.startsWith("/");
        checkDestination(raw, bind ? "bind" : "volume", destination);
        boolean readOnly = modes.contains("ro");
        if (bind) {
            String propagation = modes.stream().filter(PROPAGATIONS::contains).findFirst().orElse(DEFAULT_PROPAGATION);
            return new BindMount(clean(destination), Path.of(source).normalize().toString(), readOnly, propagation,
                    mode, true);
        }
        if (modes.stream().anyMatch(PROPAGATIONS::contains)) {
            throw new InvalidArgumentException("invalid mode: " + mode);
        }
        return new VolumeMount(clean(destination), source, false, readOnly, modes.contains("nocopy"),
                mode.isEmpty() ? "z" : mode);
    }

    /** An image's VOLUME or a {@code -v /path}. */
    static MountSpec anonymousVolume(String raw, String destination) {
        checkDestination(raw, "volume", destination);
        return new VolumeMount(clean(destination), null, true, false, false, "");
    }

    /** One {@code --mount}; a bind source must exist (unlike {@code -v}). */
    static MountSpec parseMount(Mount mount) {
        String type = mount.type() == null ? "" : mount.type();
        String target = mount.target() == null ? "" : mount.target();
        String source = mount.source() == null ? "" : mount.source();
        boolean readOnly = Boolean.TRUE.equals(mount.readOnly());
        if (target.isEmpty()) {
            throw mountConfig(type, "field Target must not be empty");
        }
        switch (type) {
            case "bind" -> {
                if (source.isEmpty()) {
                    throw mountConfig(type, "field Source must not be empty");
                }
                checkMountTarget(type, target);
                if (!source.startsWith("/")) {
                    throw mountConfig(type, "invalid mount path: '" + source + "' mount path must be absolute");
                }
                if (!Files.exists(Path.of(source))) {
                    throw mountConfig(type, "bind source path does not exist: " + source);
                }
                String propagation = option(mount.bindOptions(), "Propagation", DEFAULT_PROPAGATION);
                if (!PROPAGATIONS.contains(propagation)) {
                    throw mountConfig(type, "invalid propagation mode: " + propagation);
                }
                return new BindMount(clean(target), Path.of(source).normalize().toString(), readOnly, propagation, "",
                        false);
            }
            case "volume" -> {
                checkMountTarget(type, target);
                if (mount.bindOptions() != null && !mount.bindOptions().isEmpty()) {
                    throw mountConfig(type, "field BindOptions must not be specified");
                }
                boolean noCopy = Boolean.parseBoolean(option(mount.volumeOptions(), "NoCopy", "false"));
                return new VolumeMount(clean(target), source.isEmpty() ? null : source, source.isEmpty(), readOnly,
                        noCopy, "");
            }
            case "tmpfs" -> {
                if (!source.isEmpty()) {
                    throw mountConfig(type, "field Source must not be specified");
                }
                checkMountTarget(type, target);
                return new TmpfsMount(clean(target), TmpfsOptions.fromMountApi(mount.tmpfsOptions()), readOnly, true);
            }
            case "" -> throw new InvalidArgumentException("invalid mount config: must have a type");
            default -> throw new InvalidArgumentException("mount type unknown: \"" + type + "\"");
        }
    }

    /** One {@code --tmpfs dst[:opts]} as the CLI sends it: {@code {"/run": "size=64m"}}. */
    static MountSpec parseTmpfs(String destination, String options) {
        if (!destination.startsWith("/")) {
            throw new InvalidArgumentException("invalid mount path: '" + destination + "' mount path must be absolute");
        }
        String opts = options == null ? "" : options;
        TmpfsOptions.validate(opts);
        return new TmpfsMount(clean(destination), opts, Set.of(opts.split(",")).contains("ro"), false);
    }

    /** How {@code --mount type=volume,volume-label=…,volume-opt=…} wants its volume made. */
    record VolumeCreation(Map<String, String> labels, Map<String, String> options) {}

    /** The creation options of the {@code --mount} at {@code destination}; nulls when there is none. */
    static VolumeCreation volumeCreation(List<Mount> mounts, String destination) {
        for (Mount mount : mounts == null ? List.<Mount>of() : mounts) {
            if ("volume".equals(mount.type()) && mount.target() != null && clean(mount.target()).equals(destination)
                    && mount.volumeOptions() != null) {
                Object driverConfig = mount.volumeOptions().get("DriverConfig");
                return new VolumeCreation(strings(mount.volumeOptions().get("Labels")),
                        driverConfig instanceof Map<?, ?> config ? strings(config.get("Options")) : null);
            }
        }
        return new VolumeCreation(null, null);
    }

    private static Map<String, String> strings(Object map) {
        if (!(map instanceof Map<?, ?> entries) || entries.isEmpty()) {
            return null;
        }
        var result = new java.util.LinkedHashMap<String, String>();
        entries.forEach((k, v) -> result.put(String.valueOf(k), String.valueOf(v)));
        return result;
    }

    private static void checkDestination(String raw, String type, String destination) {
        if (!destination.startsWith("/")) {
            throw new InvalidArgumentException("invalid volume specification: '" + raw + "': invalid mount config for type \""
                    + type + "\": invalid mount path: '" + destination + "' mount path must be absolute");
        }
        if (clean(destination).equals("/")) {
            throw new InvalidArgumentException("invalid volume specification: '" + raw + "': invalid mount config for type \""
                    + type + "\": invalid specification: destination can't be '/'");
        }
    }

    private static void checkMountTarget(String type, String target) {
        if (!target.startsWith("/")) {
            throw mountConfig(type, "invalid mount path: '" + target + "' mount path must be absolute");
        }
        if (clean(target).equals("/")) {
            throw mountConfig(type, "invalid specification: destination can't be '/'");
        }
    }

    private static InvalidArgumentException mountConfig(String type, String problem) {
        return new InvalidArgumentException("invalid mount config for type \"" + type + "\": " + problem);
    }

    private static boolean validMode(String mode) {
        return switch (mode) {
            case "ro", "rw", "z", "Z", "nocopy" -> true;
            default -> PROPAGATIONS.contains(mode);
        };
    }

    private static String option(Map<String, Object> options, String key, String fallback) {
        Object value = options == null ? null : options.get(key);
        return value == null || value.toString().isEmpty() ? fallback : value.toString();
    }

    static String clean(String path) {
        String normal = Path.of(path).normalize().toString();
        return normal.isEmpty() ? "/" : normal;
    }

    /** Every mount of one request, in Docker's order of precedence checks: Binds, then Mounts, then Tmpfs. */
    static List<MountSpec> parseAll(List<String> binds, List<Mount> mounts, Map<String, String> tmpfs) {
        var specs = new java.util.ArrayList<MountSpec>();
        var destinations = new java.util.HashSet<String>();
        java.util.function.Consumer<MountSpec> add = spec -> {
            if (!destinations.add(spec.destination())) {
                throw new InvalidArgumentException("Duplicate mount point: " + spec.destination());
            }
            specs.add(spec);
        };
        (binds == null ? List.<String>of() : binds).forEach(raw -> add.accept(parseBind(raw)));
        (mounts == null ? List.<Mount>of() : mounts).forEach(m -> add.accept(parseMount(m)));
        if (tmpfs != null) {
            new java.util.TreeMap<>(tmpfs).forEach((dst, opts) -> add.accept(parseTmpfs(dst, opts)));
        }
        return specs;
    }
}
