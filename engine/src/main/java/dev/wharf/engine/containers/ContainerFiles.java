package dev.wharf.engine.containers;

import dev.wharf.api.types.ContainerPathStat;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.errors.NotFoundException;
import dev.wharf.engine.errors.SystemException;
import dev.wharf.image.ExtractOptions;
import dev.wharf.image.FileChange;
import dev.wharf.image.LayerException;
import dev.wharf.image.TarLayerApplier;
import dev.wharf.image.TreeArchiver;
import dev.wharf.runtime.ContainerSpec.ProcessUser;
import dev.wharf.runtime.ScopedPath;
import dev.wharf.runtime.Snapshotter;
import dev.wharf.runtime.UnknownUserException;
import dev.wharf.runtime.UserResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The files of a container: {@code cp} both ways (the archive endpoints), {@code export} and
 * {@code diff}, on running and stopped containers alike (a stopped one's rootfs is mounted for the
 * operation, under its lock). Every path is resolved inside the rootfs ({@link ContainerPath},
 * {@link ScopedPath}) and archives are unpacked with the layer applier's containment, so nothing
 * outside the container's root is read or written.
 */
final class ContainerFiles {
    /** A task on the mounted rootfs. */
    @FunctionalInterface
    interface RootfsTask<T> {
        T run(Path rootfs) throws IOException;
    }

    private final ContainerIndex index;
    private final ContainerStore store;
    private final ContainerLifecycle lifecycle;
    private final Snapshotter snapshotter;
    private final ContainerEvents events;

    ContainerFiles(ContainerIndex index, ContainerStore store, ContainerLifecycle lifecycle, Snapshotter snapshotter,
            ContainerEvents events) {
        this.index = index;
        this.store = store;
        this.lifecycle = lifecycle;
        this.snapshotter = snapshotter;
        this.events = events;
    }

    /** HEAD /containers/{id}/archive. */
    ContainerPathStat stat(String reference, String path) throws IOException {
        Container container = index.get(reference);
        return withRootfs(container, rootfs -> {
            ContainerPath resolved = ContainerPath.resolve(rootfs, requirePath(path));
            return found(stat(container, rootfs, resolved), reference, path);
        });
    }

    /** GET /containers/{id}/archive: the stat goes out first (a header), then the tar from {@code open}. */
    void archive(String reference, String path, java.util.function.Function<ContainerPathStat, OutputStream> open)
            throws IOException {
        Container container = index.get(reference);
        withRootfs(container, rootfs -> {
            ContainerPath resolved = ContainerPath.resolve(rootfs, requirePath(path));
            ContainerPathStat stat = found(stat(container, rootfs, resolved), reference, path);
            Path source = generatedFile(container, resolved);
            // Entries are named after the requested base name, whatever a trailing "/" resolved to.
            String name = resolved.absPath().equals("/") ? "." : resolved.baseName();
            try (OutputStream out = open.apply(stat); TreeArchiver tar = new TreeArchiver(out, false)) {
                tar.add(source != null ? source : resolved.host().normalize(), name);
                tar.finish();
            }
            return null;
        });
        events.publish(container.record(), "archive-path");
    }

    /** PUT /containers/{id}/archive: unpacks the tar into the directory {@code path} names (its last element followed). */
    void extract(String reference, String path, boolean noOverwriteDirNonDir, boolean copyUidGid, InputStream tar)
            throws IOException {
        Container container = index.get(reference);
        ContainerRecord record = container.record();
        if (record.hostConfig().readonlyRootfs()) {
            throw new dev.wharf.engine.errors.ForbiddenException("container rootfs is marked read-only");
        }
        withRootfs(container, rootfs -> {
            String absPath = ContainerPath.resolve(rootfs, requirePath(path)).absPath();
            Path target = ScopedPath.resolve(rootfs, absPath);
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw notFound(reference, path);
            }
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidArgumentException("extraction point is not a directory");
            }
            var options = ExtractOptions.copy(noOverwriteDirNonDir, owners(rootfs, record, copyUidGid),
                    symlink -> ScopedPath.resolve(rootfs, "/" + rootfs.relativize(symlink)));
            try {
                new TarLayerApplier(options).apply(tar, target);
            } catch (LayerException e) {
                throw new InvalidArgumentException("Error processing tar file: " + e.getMessage(), e);
            }
            return null;
        });
        events.publish(container.record(), "extract-to-dir");
    }

    /** GET /containers/{id}/export: the whole rootfs as a tar. */
    void export(String reference, java.util.function.Supplier<OutputStream> open) throws IOException {
        Container container = index.get(reference);
        withRootfs(container, rootfs -> {
            try (OutputStream out = open.get(); TreeArchiver tar = new TreeArchiver(out, false)) {
                tar.addChildren(rootfs);
                tar.finish();
            }
            return null;
        });
        events.publish(container.record(), "export");
    }

    /** GET /containers/{id}/changes. */
    List<FileChange> changes(String reference) throws IOException {
        ContainerRecord record = index.get(reference).record();
        return snapshotter.changes(record.id(), record.diffIds());
    }

    /**
     * Runs the task on the container's rootfs: a running container's mount is used as it is; a stopped
     * one's is mounted for the task and unmounted after, under the lock so that no start interferes.
     */
    <T> T withRootfs(Container container, RootfsTask<T> task) throws IOException {
        container.lock.lock();
        boolean locked = true;
        try {
            ContainerRecord record = container.record();
            Path rootfs = lifecycle.prepareRootfs(record);
            if (record.state().running()) {
                container.lock.unlock();
                locked = false;
                return task.run(rootfs);
            }
            try {
                return task.run(rootfs);
            } finally {
                snapshotter.unmountRootfs(record.id());
            }
        } finally {
            if (locked) {
                container.lock.unlock();
            }
        }
    }

    /** The container's view of /etc/hostname, /etc/hosts and /etc/resolv.conf: the files wharfd generated and mounts there. */
    private Path generatedFile(Container container, ContainerPath path) {
        String id = container.id();
        Map<String, Path> generated = Map.of("/etc/hostname", store.hostnameFile(id), "/etc/hosts", store.hostsFile(id),
                "/etc/resolv.conf", store.resolvConfFile(id));
        Path file = generated.get(path.absPath());
        return file != null && Files.isRegularFile(file) ? file : null;
    }

    private ContainerPathStat stat(Container container, Path rootfs, ContainerPath path) throws IOException {
        Path generated = generatedFile(container, path);
        return generated != null ? new ContainerPath(path.absPath(), generated).stat(generated.getParent())
                : path.stat(rootfs);
    }

    /** Docker's {@code -a}: the container's user owns what is copied in; without a user, the archive's owners stay. */
    private static ExtractOptions.Owners owners(Path rootfs, ContainerRecord record, boolean copyUidGid)
            throws IOException {
        String user = record.config().user();
        if (!copyUidGid || user == null || user.isEmpty()) {
            return new ExtractOptions.Owners.FromArchive();
        }
        try {
            ProcessUser resolved = UserResolver.resolve(rootfs, user);
            return new ExtractOptions.Owners.Fixed(resolved.uid(), resolved.gid());
        } catch (UnknownUserException e) {
            throw new SystemException(e.getMessage(), e);
        }
    }

    private static String requirePath(String path) {
        if (path == null || path.isEmpty()) {
            throw new InvalidArgumentException("path is required");
        }
        return path;
    }

    private static ContainerPathStat found(ContainerPathStat stat, String reference, String path) {
        if (stat == null) {
            throw notFound(reference, path);
        }
        return stat;
    }

    private static NotFoundException notFound(String reference, String path) {
        return new NotFoundException("Could not find the file " + path + " in container " + reference);
    }
}
