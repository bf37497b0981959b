package dev.wharf.build.exec;

import dev.wharf.build.BuildException;
import dev.wharf.runtime.NetworkNamespace;

/**
 * {@code --network} of a build, for its RUN containers: {@code host} shares the host's namespace;
 * {@code none}, and for now {@code default}/{@code bridge} too, a fresh namespace with only {@code lo}
 * (the builder does not join RUN containers to the default bridge).
 */
final class RunNetwork {
    private RunNetwork() {}

    static NetworkNamespace of(String mode) throws BuildException {
        return switch (mode == null ? "" : mode) {
            case "host" -> NetworkNamespace.HOST;
            case "", "default", "bridge", "none" -> NetworkNamespace.FRESH;
            default -> throw new BuildException("network " + mode + " not found");
        };
    }
}
