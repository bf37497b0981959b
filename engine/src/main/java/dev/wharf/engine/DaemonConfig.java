package dev.wharf.engine;

import dev.wharf.engine.networks.NetworkFlags;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * How wharfd is set up.
 *
 * @param host the API address; only {@code unix://<path>} is supported
 * @param busybox the static busybox binary the built-in {@code busybox:latest} image is made from
 * @param createBuiltinImages whether a first start creates the built-in images (tests turn it off)
 * @param cgroupParent the cgroup under which each container gets {@code <parent>/<id>} in every hierarchy
 * @param insecureRegistries registries ({@code host[:port]}) spoken to over plain HTTP besides loopback ones
 * @param registryMirrors mirrors tried first for Docker Hub pulls
 * @param network the default bridge and the address pool of user-defined networks
 * @param dns the resolvers the networks' DNS servers forward to (dockerd's {@code --dns}); none: the host's
 */
public record DaemonConfig(String host, Path dataRoot, Path execRoot, Path busybox, boolean createBuiltinImages,
        String cgroupParent, List<String> insecureRegistries, List<URI> registryMirrors, NetworkFlags network,
        List<String> dns) {

    public DaemonConfig {
        insecureRegistries = List.copyOf(insecureRegistries);
        registryMirrors = List.copyOf(registryMirrors);
        dns = List.copyOf(dns);
    }

    public static final String DEFAULT_HOST = "unix:///run/wharf/wharf.sock";

    public static DaemonConfig defaults() {
        return new DaemonConfig(DEFAULT_HOST, Path.of("/var/lib/wharf"), Path.of("/run/wharf"),
                Path.of("/bin/busybox"), true, "/wharf", List.of(), List.of(), NetworkFlags.defaults(),
                List.of());
    }

    /** The socket file of a {@code unix://} host. */
    public Path socketPath() {
        if (!host.startsWith("unix://")) {
            throw new IllegalArgumentException("unsupported host " + host + ": only unix:// sockets are supported");
        }
        return Path.of(host.substring("unix://".length()));
    }
}
