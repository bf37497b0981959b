package dev.wharf.engine;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
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
 */
public record DaemonConfig(String host, Path dataRoot, Path execRoot, Path busybox, boolean createBuiltinImages,
        String cgroupParent, List<String> insecureRegistries, List<URI> registryMirrors) {

    public DaemonConfig {
        insecureRegistries = List.copyOf(insecureRegistries);
        registryMirrors = List.copyOf(registryMirrors);
    }

    public static final String DEFAULT_HOST = "unix:///run/wharf/wharf.sock";

    public static DaemonConfig defaults() {
        return new DaemonConfig(DEFAULT_HOST, Path.of("/var/lib/wharf"), Path.of("/run/wharf"),
                Path.of("/bin/busybox"), true, "/wharf", List.of(), List.of());
    }

    /** The socket file of a {@code unix://} host. */
    public Path socketPath() {
        if (!host.startsWith("unix://")) {
            throw new IllegalArgumentException("unsupported host " + host + ": only unix:// sockets are supported");
        }
        return Path.of(host.substring("unix://".length()));
    }

    public DaemonConfig withHost(String newHost) {
        return new DaemonConfig(newHost, dataRoot, execRoot, busybox, createBuiltinImages, cgroupParent, insecureRegistries,
                registryMirrors);
    }

    public DaemonConfig withDataRoot(Path newDataRoot) {
        return new DaemonConfig(host, newDataRoot, execRoot, busybox, createBuiltinImages, cgroupParent, insecureRegistries,
                registryMirrors);
    }

    public DaemonConfig withExecRoot(Path newExecRoot) {
        return new DaemonConfig(host, dataRoot, newExecRoot, busybox, createBuiltinImages, cgroupParent, insecureRegistries,
                registryMirrors);
    }

    public DaemonConfig withBusybox(Path newBusybox) {
        return new DaemonConfig(host, dataRoot, execRoot, newBusybox, createBuiltinImages, cgroupParent, insecureRegistries,
                registryMirrors);
    }

    public DaemonConfig withCgroupParent(String newCgroupParent) {
        return new DaemonConfig(host, dataRoot, execRoot, busybox, createBuiltinImages, newCgroupParent, insecureRegistries,
                registryMirrors);
    }

    public DaemonConfig withInsecureRegistry(String registry) {
        List<String> all = new ArrayList<>(insecureRegistries);
        all.add(registry);
        return new DaemonConfig(host, dataRoot, execRoot, busybox, createBuiltinImages, cgroupParent, all, registryMirrors);
    }

    public DaemonConfig withRegistryMirror(URI mirror) {
        List<URI> all = new ArrayList<>(registryMirrors);
        all.add(mirror);
        return new DaemonConfig(host, dataRoot, execRoot, busybox, createBuiltinImages, cgroupParent, insecureRegistries,
                all);
    }
}
