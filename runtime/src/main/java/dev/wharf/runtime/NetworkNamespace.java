package dev.wharf.runtime;

import java.nio.file.Path;

/** Which network namespace a container's process lives in. */
public sealed interface NetworkNamespace {
    /** A new, empty one made by the OCI runtime (only {@code lo}): {@code --network none}. */
    record Fresh() implements NetworkNamespace {}

    /** The host's own: {@code --network host}. */
    record Host() implements NetworkNamespace {}

    /** An existing one, pinned at {@code path} (wharfd's bridge networks, {@code container:<x>}). */
    record Join(Path path) implements NetworkNamespace {}

    NetworkNamespace FRESH = new Fresh();
    NetworkNamespace HOST = new Host();
}
