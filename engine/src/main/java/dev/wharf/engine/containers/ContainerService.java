package dev.wharf.engine.containers;

import dev.wharf.engine.DaemonPaths;
import dev.wharf.engine.events.EventBus;
import dev.wharf.image.BlobStore;
import dev.wharf.image.Digest;
import dev.wharf.image.ImageStore;
import dev.wharf.runtime.ContainerRuntime;
import dev.wharf.runtime.Snapshotter;
import java.util.Optional;

/** Containers: their records on disk and their lifecycle through the runtime. (Skeleton; being filled in.) */
public final class ContainerService {
    /** Counts for /info. */
    public record Counts(int total, int running, int paused, int stopped) {}

    public ContainerService(DaemonPaths paths, BlobStore blobs, ImageStore images, Snapshotter snapshotter,
            ContainerRuntime runtime, EventBus events) {
    }

    /** Re-adopts containers after a daemon start: running ones are watched again, exits are recorded. */
    public void recover() {
    }

    public Counts counts() {
        return new Counts(0, 0, 0, 0);
    }

    /** The ID of a container created from the image, if any (an image in use cannot be removed). */
    public Optional<String> findUsingImage(Digest imageId) {
        return Optional.empty();
    }
}
