package dev.wharf.runtime.volume;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Named volumes of the local driver: a directory per volume whose {@code _data} is what containers
 * see, and metadata that survives daemon restarts. Reference counting (which containers use a
 * volume) is the engine's business; the store only mounts and unmounts on request.
 */
public interface VolumeStore {
    /** Fails with CONFLICT when the name is taken, INVALID for a bad name or driver option. */
    VolumeRecord create(String name, Map<String, String> labels, Map<String, String> options) throws IOException;

    Optional<VolumeRecord> get(String name) throws IOException;

    /** Every volume, by name. */
    List<VolumeRecord> list() throws IOException;

    /** The directory containers mount: {@code <root>/<name>/_data}. */
    Path dataDir(String name);

    /** Makes {@code _data} ready: mounts the driver options' filesystem unless it is mounted already. */
    Path mount(VolumeRecord volume) throws IOException;

    /** Undoes {@link #mount} (nothing for a plain directory). */
    void unmount(VolumeRecord volume) throws IOException;

    /** Deletes the volume and its data; NOT_FOUND when there is none. */
    void remove(String name) throws IOException;
}
