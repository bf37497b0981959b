package dev.wharf.build;

import dev.wharf.runtime.NetworkNamespace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The daemon's default bridge for RUN containers of a build with {@code --network default} or {@code bridge},
 * as dockerd's classic builder gives them (eth0 with an address, the default route, the host's DNS servers).
 * The engine joins through its own container networking; every {@link #join} is undone by {@link #leave}.
 */
public interface BuildNetwork {
    /**
     * A RUN container's network: its namespace and the generated files to bind-mount (container path → file).
     */
    record Joined(NetworkNamespace namespace, Map<String, Path> files) {
        public Joined {
            files = Map.copyOf(files);
        }
    }

    /** No bridge: a fresh namespace with only {@code lo} (what {@code --network none} gives). */
    BuildNetwork ISOLATED = new BuildNetwork() {
        @Override
        public Joined join(String containerId, Path dir) {
            return new Joined(NetworkNamespace.FRESH, Map.of());
        }

        @Override
        public void leave(String containerId) {}
    };

    /** Joins the container {@code containerId} (not yet created) to the default bridge; files go into {@code dir}. */
    Joined join(String containerId, Path dir) throws IOException;

    /** Undoes {@link #join} (also a partial one); never throws. */
    void leave(String containerId);
}
