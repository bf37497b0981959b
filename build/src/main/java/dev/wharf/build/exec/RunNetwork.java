package dev.wharf.build.exec;

import dev.wharf.build.BuildException;
import dev.wharf.build.BuildNetwork;
import dev.wharf.runtime.NetworkNamespace;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code --network} of a build, for its RUN containers: {@code host} shares the host's namespace, {@code none} a
 * fresh one with only {@code lo}, {@code default}/{@code bridge} (the default) the daemon's default bridge.
 */
final class RunNetwork {
    private RunNetwork() {}

    static BuildNetwork of(String mode, BuildNetwork bridge) throws BuildException {
        return switch (mode == null ? "" : mode) {
            case "host" -> new BuildNetwork() {
                @Override
                public Joined join(String containerId, Path dir) {
                    return new Joined(NetworkNamespace.HOST, Map.of());
                }

                @Override
                public void leave(String containerId) {}
            };
            case "none" -> BuildNetwork.ISOLATED;
            case "", "default", "bridge" -> bridge;
            default -> throw new BuildException("network " + mode + " not found");
        };
    }
}
