package dev.wharf.cli.command;

import dev.wharf.api.types.ContainerConfig;
import dev.wharf.api.types.HostConfig;
import dev.wharf.api.types.Mount;
import dev.wharf.cli.format.ByteSizes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * docker run's mount flags and how the docker CLI sends them: {@code -v src:dst[:mode]} in
 * HostConfig.Binds (a lone {@code -v /path} in Config.Volumes), {@code --mount} parsed from CSV into
 * HostConfig.Mounts, {@code --tmpfs} in HostConfig.Tmpfs, {@code --volumes-from} as given.
 */
final class MountOptions {
    @Option(names = {"-v", "--volume"}, description = "Bind mount a volume.")
    List<String> volumes = new ArrayList<>();

    @Option(names = "--mount", converter = MountConverter.class,
            description = "Attach a filesystem mount to the container.")
    List<Mount> mounts = new ArrayList<>();

    @Option(names = "--tmpfs", description = "Mount a tmpfs directory.")
    List<String> tmpfs = new ArrayList<>();

    @Option(names = "--volumes-from", description = "Mount volumes from the specified container(s).")
    List<String> volumesFrom = new ArrayList<>();

    /** Sets Config.Volumes (the anonymous {@code -v /path}), Binds, Mounts, Tmpfs and VolumesFrom. */
    void apply(ContainerConfig.Builder config, HostConfig.Builder hostConfig) {
        var anonymous = new LinkedHashMap<String, Map<String, Object>>();
        volumes.stream().filter(v -> !v.contains(":")).forEach(v -> anonymous.put(v, Map.of()));
        var binds = volumes.stream().filter(v -> v.contains(":")).toList();
        var tmpfsMap = new LinkedHashMap<String, String>();
        for (String spec : tmpfs) {
            int colon = spec.indexOf(':');
            tmpfsMap.put(colon < 0 ? spec : spec.substring(0, colon), colon < 0 ? "" : spec.substring(colon + 1));
        }
        config.volumes(anonymous);
        hostConfig.binds(binds.isEmpty() ? null : binds)
                .mounts(mounts.isEmpty() ? null : mounts)
                .tmpfs(tmpfsMap.isEmpty() ? null : tmpfsMap)
                .volumesFrom(volumesFrom.isEmpty() ? null : volumesFrom);
    }

    /** {@code --mount} values, with the docker CLI's message for a bad one. */
    static final class MountConverter implements ITypeConverter<Mount> {
        @Override
        public Mount convert(String spec) {
            try {
                return parseMount(spec);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(
                        "invalid argument \"" + spec + "\" for \"--mount\" flag: " + e.getMessage());
            }
        }
    }

    /** The docker CLI's opts.MountOpt: {@code type=volume} by default, keys as docker spells them. */
    static Mount parseMount(String spec) {
        String type = "volume";
        String source = null;
        String target = null;
        Boolean readOnly = null;
        var bind = new LinkedHashMap<String, Object>();
        var volume = new LinkedHashMap<String, Object>();
        var tmpfsOptions = new LinkedHashMap<String, Object>();
        for (String field : spec.split(",")) {
            int eq = field.indexOf('=');
            String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? null : field.substring(eq + 1);
            if (value == null && !key.equals("readonly") && !key.equals("ro") && !key.equals("volume-nocopy")) {
                throw new IllegalArgumentException("invalid field '" + field + "' must be a key=value pair");
            }
            switch (key) {
                case "type" -> type = value;
                case "source", "src" -> source = value;
                case "target", "dst", "destination" -> target = value;
                case "readonly", "ro" -> readOnly = bool(field, value);
                case "bind-propagation" -> bind.put("Propagation", value);
                case "volume-nocopy" -> volume.put("NoCopy", bool(field, value));
                case "volume-label" -> keyValue(volume, "Labels", value);
                case "volume-driver" -> driverConfig(volume).put("Name", value);
                case "volume-opt" -> keyValue(driverConfig(volume), "Options", value);
                case "tmpfs-size" -> tmpfsOptions.put("SizeBytes", ByteSizes.ramInBytes(value));
                case "tmpfs-mode" -> tmpfsOptions.put("Mode", Integer.parseInt(value, 8));
                default -> throw new IllegalArgumentException("unexpected key '" + key + "' in '" + field + "'");
            }
        }
        return new Mount(type, source, target, readOnly, null, bind.isEmpty() ? null : bind,
                volume.isEmpty() ? null : volume, tmpfsOptions.isEmpty() ? null : tmpfsOptions);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> driverConfig(Map<String, Object> volumeOptions) {
        return (Map<String, Object>) volumeOptions.computeIfAbsent("DriverConfig", k -> new LinkedHashMap<String, Object>());
    }

    /** {@code k=v} into the map at {@code key} (Labels, Options). */
    @SuppressWarnings("unchecked")
    private static void keyValue(Map<String, Object> target, String key, String pair) {
        int eq = pair.indexOf('=');
        var map = (Map<String, String>) target.computeIfAbsent(key, k -> new LinkedHashMap<String, String>());
        map.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
    }

    private static boolean bool(String field, String value) {
        if (value == null) {
            return true;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new IllegalArgumentException("invalid value for '" + field + "'");
        };
    }

}
