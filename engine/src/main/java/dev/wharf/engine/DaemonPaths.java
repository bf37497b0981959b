package dev.wharf.engine;

import java.nio.file.Path;

/**
 * Where wharfd keeps things. The data root (default /var/lib/wharf) holds what must survive a reboot;
 * the exec root (default /run/wharf) holds what only lives as long as the containers (conmon's files).
 */
public record DaemonPaths(Path dataRoot, Path execRoot) {
    public Path content() {
        return dataRoot.resolve("content");
    }

    public Path images() {
        return dataRoot.resolve("image");
    }

    public Path overlay() {
        return dataRoot.resolve("overlay");
    }

    /** One directory per container: its record, log and generated /etc files. */
    public Path containers() {
        return dataRoot.resolve("containers");
    }

    /** Network records. */
    public Path networks() {
        return dataRoot.resolve("network");
    }

    /** Network namespaces, stored CNI results and IPAM leases: gone at reboot, like the kernel state they describe. */
    public Path networkState() {
        return execRoot.resolve("network");
    }

    /** The builder's cache index, the unpacked contexts of running builds and their scratch files. */
    public Path build() {
        return dataRoot.resolve("build");
    }

    /** Docker's layout: {@code <name>/_data} per volume. */
    public Path volumes() {
        return dataRoot.resolve("volumes");
    }

    public Path runtime() {
        return execRoot.resolve("runtime");
    }
}
