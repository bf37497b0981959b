package dev.wharf.runtime.overlay;

import dev.wharf.image.Digest;
import dev.wharf.image.FileChange;
import dev.wharf.image.OverlayChanges;
import dev.wharf.image.LayerApplier;
import dev.wharf.linux.ErrnoException;
import dev.wharf.linux.OverlayMount;
import dev.wharf.linux.Syscalls;
import dev.wharf.runtime.Snapshotter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Snapshots as plain directories under one root, mounted with overlayfs:
 * <pre>
 * root/layers/&lt;diff-id hex&gt;/            committed layer (lower directory)
 * root/layers/tmp-&lt;random&gt;/             a layer being unpacked (removed at start-up if left over)
 * root/init/                              Docker's init layer ({@link InitLayer}), the same for every container
 * root/containers/&lt;id&gt;/{upper,work,merged,empty}
 * </pre>
 * mount(2) takes one page of options, about 35 absolute layer paths; images with more layers are mounted
 * through the new mount API, one {@code lowerdir+} per layer (Linux 6.8+), up to overlayfs's 500.
 */
public final class OverlaySnapshotter implements Snapshotter {
    private static final int MAX_MOUNT_DATA = 4095;
    private static final String TMP_PREFIX = "tmp-";

    private final Path layers;
    private final Path containers;
    private final Path initLayer;
    private final LayerApplier applier;
    private final ReentrantLock initLock = new ReentrantLock();
    private volatile boolean initReady;

    public OverlaySnapshotter(Path root, LayerApplier applier) throws IOException {
        this.layers = root.toAbsolutePath().resolve("layers");
        this.containers = root.toAbsolutePath().resolve("containers");
        this.initLayer = root.toAbsolutePath().resolve("init");
        this.applier = applier;
        Files.createDirectories(layers);
        Files.createDirectories(containers);
        removeStaleTemporaries();
    }

    @Override
    public boolean hasLayer(Digest diffId) {
        return Files.isDirectory(layerDir(diffId));
    }

    @Override
    public void unpackLayer(Digest diffId, InputStream layerTar) throws IOException {
        if (hasLayer(diffId)) {
            return;
        }
        Path tmp = layers.resolve(TMP_PREFIX + UUID.randomUUID());
        Files.createDirectory(tmp);
        try {
            Digest actual = applier.apply(layerTar, tmp);
            if (!actual.equals(diffId)) {
                throw new IOException("layer diff ID mismatch: expected " + diffId + ", got " + actual);
            }
            try {
                Files.move(tmp, layerDir(diffId), StandardCopyOption.ATOMIC_MOVE);
            } catch (FileSystemException e) {
                // Unpacked concurrently by someone else (rename(2) says ENOTEMPTY): theirs is as good as ours.
                if (!hasLayer(diffId)) {
                    throw e;
                }
                Directories.deleteRecursively(tmp);
            }
        } catch (IOException | RuntimeException e) {
            Directories.deleteRecursively(tmp);
            throw e;
        }
    }

    @Override
    public Path mountRootfs(String containerId, List<Digest> diffIds) throws IOException {
        Path dir = containerDir(containerId);
        Path merged = dir.resolve("merged");
        if (Files.isDirectory(merged) && MountTable.isMountPoint(merged)) {
            return merged;
        }
        for (String sub : List.of("upper", "work", "merged")) {
            Files.createDirectories(dir.resolve(sub));
        }
        List<String> lower = new ArrayList<>();
        lower.add(initLayer().toString());
        lower.addAll(lowerDirs(dir, diffIds));
        String options = "lowerdir=" + String.join(":", lower)
                + ",upperdir=" + dir.resolve("upper") + ",workdir=" + dir.resolve("work");
        if (options.length() <= MAX_MOUNT_DATA) {
            Syscalls.mount("overlay", merged, "overlay", 0, options);
        } else {
            // Too many layers for mount(2)'s one page of options: the new mount API takes one layer at a time.
            OverlayMount.mount(merged, lower.stream().map(Path::of).toList(), dir.resolve("upper"), dir.resolve("work"));
        }
        return merged;
    }

    @Override
    public void unmountRootfs(String containerId) throws IOException {
        Path merged = containerDir(containerId).resolve("merged");
        if (!Files.isDirectory(merged) || !MountTable.isMountPoint(merged)) {
            return;
        }
        try {
            Syscalls.unmount(merged, 0);
        } catch (ErrnoException e) {
            if (e.errno() != ErrnoException.EBUSY) {
                throw e;
            }
            Syscalls.unmount(merged, Syscalls.MNT_DETACH);
        }
    }

    @Override
    public Path upperDir(String containerId) {
        return containerDir(containerId).resolve("upper");
    }

    @Override
    public List<FileChange> changes(String containerId, List<Digest> diffIds) throws IOException {
        List<Path> lowers = new ArrayList<>();
        lowers.add(initLayer());
        for (Digest diffId : diffIds.reversed()) {
            lowers.add(layerDir(diffId));
        }
        return OverlayChanges.compute(upperDir(containerId), lowers);
    }

    @Override
    public void commit(String containerId, Digest diffId) throws IOException {
        unmountRootfs(containerId);
        Path upper = upperDir(containerId);
        if (!hasLayer(diffId)) {
            try {
                Files.move(upper, layerDir(diffId), StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // Committed concurrently by an identical step: the same content is there already.
            }
        }
        Directories.deleteRecursively(containerDir(containerId));
    }

    @Override
    public void remove(String containerId) throws IOException {
        unmountRootfs(containerId);
        Directories.deleteRecursively(containerDir(containerId));
    }

    @Override
    public void removeLayer(Digest diffId) throws IOException {
        Directories.deleteRecursively(layerDir(diffId));
    }

    /** Overlay lists the top layer first; an image without layers gets one empty directory. */
    private List<String> lowerDirs(Path containerDir, List<Digest> diffIds) throws IOException {
        List<String> lower = new ArrayList<>();
        for (Digest diffId : diffIds.reversed()) {
            Path layer = layerDir(diffId);
            if (!Files.isDirectory(layer)) {
                throw new IOException("layer not unpacked: " + diffId);
            }
            lower.add(layer.toString());
        }
        if (lower.isEmpty()) {
            Path empty = Files.createDirectories(containerDir.resolve("empty"));
            lower.add(empty.toString());
        }
        return lower;
    }

    /** Its content never varies and it is only ever a lower layer, so one copy serves every container. */
    private Path initLayer() throws IOException {
        if (!initReady) {
            initLock.lock();
            try {
                InitLayer.ensure(initLayer);
                initReady = true;
            } finally {
                initLock.unlock();
            }
        }
        return initLayer;
    }

    private Path layerDir(Digest diffId) {
        return layers.resolve(diffId.encoded());
    }

    private Path containerDir(String containerId) {
        if (containerId.isEmpty() || containerId.contains("/") || containerId.startsWith(".")) {
            throw new IllegalArgumentException("invalid container id: " + containerId);
        }
        return containers.resolve(containerId);
    }

    private void removeStaleTemporaries() throws IOException {
        try (var entries = Files.list(layers)) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().startsWith(TMP_PREFIX)).toList()) {
                Directories.deleteRecursively(entry);
            }
        }
    }
}
