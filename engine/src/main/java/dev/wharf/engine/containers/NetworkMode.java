package dev.wharf.engine.containers;

/** A container's HostConfig.NetworkMode, parsed. */
sealed interface NetworkMode {
    /** The default bridge or a user-defined network, by name or ID. */
    record Network(String reference) implements NetworkMode {}

    record None() implements NetworkMode {}

    record Host() implements NetworkMode {}

    /** {@code container:<name|id>}: share that container's namespace. */
    record Shared(String container) implements NetworkMode {}

    static NetworkMode parse(String mode) {
        if (mode == null || mode.isEmpty() || mode.equals("default") || mode.equals("bridge")) {
            return new Network("bridge");
        }
        if (mode.equals("none")) {
            return new None();
        }
        if (mode.equals("host")) {
            return new Host();
        }
        if (mode.startsWith("container:")) {
            return new Shared(mode.substring("container:".length()));
        }
        return new Network(mode);
    }
}
