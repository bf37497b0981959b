package dev.wharf.runtime;

import dev.wharf.image.Digest;
import dev.wharf.image.FileChange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Filesystem snapshots on overlayfs.
 *
 * <p>A committed layer is a read-only directory keyed by its diff ID, unpacked once (into a temporary
 * directory, diff ID verified, then renamed into place) and shared by every container using it. A
 * container's rootfs is an overlay mount: its image's layers as lower directories, its own upper and
 * work directories on top.
 */
public interface Snapshotter {
    boolean hasLayer(Digest diffId);

    /** Unpacks the layer tar; fails without leaving anything if its content does not hash to {@code diffId}. */
    void unpackLayer(Digest diffId, InputStream layerTar) throws IOException;

    /** Mounts (or returns the already-mounted) rootfs of the container; {@code diffIds} bottom layer first. */
    Path mountRootfs(String containerId, List<Digest> diffIds) throws IOException;

    void unmountRootfs(String containerId) throws IOException;

    /** The container's writable layer (its overlay upper directory), for diff and commit. */
    Path upperDir(String containerId);

    /**
     * {@code docker diff}: what the container's writable layer changed against its image layers
     * ({@code diffIds} bottom first) and the mount points the runtime needs.
     */
    List<FileChange> changes(String containerId, List<Digest> diffIds) throws IOException;

    /**
     * Unmounts the rootfs and turns the container's upper directory into the committed layer {@code diffId}
     * (the caller computed the diff ID from that directory); the rest of the container's snapshot is removed.
     * The upper directory already has the on-disk form of an unpacked layer (overlay whiteouts), so nothing
     * is copied. When the layer exists already, the upper directory is simply dropped.
     */
    void commit(String containerId, Digest diffId) throws IOException;

    /** Unmounts and deletes the container's writable layer. */
    void remove(String containerId) throws IOException;

    void removeLayer(Digest diffId) throws IOException;
}
