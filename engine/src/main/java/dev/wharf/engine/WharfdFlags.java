package dev.wharf.engine;

import dev.wharf.engine.networks.NetworkFlags;
import dev.wharf.image.remote.RegistryHosts;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** wharfd's command line, with dockerd's flag names ({@code --flag value} or {@code --flag=value}). */
final class WharfdFlags {
    private final DaemonConfig defaults = DaemonConfig.defaults();
    private String host = defaults.host();
    private Path dataRoot = defaults.dataRoot();
    private Path execRoot = defaults.execRoot();
    private Path busybox = defaults.busybox();
    private String cgroupParent = defaults.cgroupParent();
    private final List<String> insecureRegistries = new ArrayList<>();
    private final List<URI> registryMirrors = new ArrayList<>();
    private final List<String> dns = new ArrayList<>();
    private String bridge = defaults.network().bridge();
    private String bip = defaults.network().bip();
    private NetworkFlags pool = defaults.network();
    private String logLevel = "info";
    private boolean help;

    /** @throws IllegalArgumentException for an unknown flag or a missing value */
    static WharfdFlags parse(String[] args) {
        var flags = new WharfdFlags();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (name.equals("-h") || name.equals("--help")) {
                flags.help = true;
                continue;
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("flag needs an argument: " + name);
            }
            flags.set(name, value);
        }
        return flags;
    }

    private void set(String name, String value) {
        switch (name) {
            case "-H", "--host" -> host = value;
            case "--data-root" -> dataRoot = Path.of(value);
            case "--exec-root" -> execRoot = Path.of(value);
            case "--busybox" -> busybox = Path.of(value);
            case "--cgroup-parent" -> cgroupParent = value;
            case "--bridge" -> bridge = value;
            case "--bip" -> bip = value;
            case "--default-address-pool" -> pool = pool.withPool(value);
            case "--insecure-registry" -> insecureRegistries.add(value);
            case "--registry-mirror" -> registryMirrors.add(RegistryHosts.mirror(value));
            case "--dns" -> dns.add(value);
            case "-l", "--log-level" -> logLevel = value;
            default -> throw new IllegalArgumentException("unknown flag: " + name);
        }
    }

    boolean help() {
        return help;
    }

    String logLevel() {
        return logLevel;
    }

    DaemonConfig config() {
        return new DaemonConfig(host, dataRoot, execRoot, busybox, true, cgroupParent, insecureRegistries,
                registryMirrors, new NetworkFlags(bridge, bip, pool.poolBase(), pool.poolSize()), dns);
    }
}
