package dev.wharf.build.exec;

import dev.wharf.linux.Syscalls;
import dev.wharf.runtime.ScopedPath;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes COPY/ADD sources into a mounted step rootfs with Docker's rules: a directory's contents (not the
 * directory) go into the destination, a file goes to the destination path or into it when it is a
 * directory. Every path in the rootfs is resolved within it, so an image's symlinks cannot lead outside.
 * Files keep their mode and mtime; everything written, and each directory created, gets the owner.
 */
final class FileCopier {
    private final Path rootfs;
    private final Ownership owner;
    private final Instant createdDirTime;

    FileCopier(Path rootfs, Ownership owner, Instant createdDirTime) {
        this.rootfs = rootfs;
        this.owner = owner;
        this.createdDirTime = createdDirTime;
    }

    /** Copies a file or a directory's contents; {@code intoDirectory} when the destination is a directory. */
    void copy(Path source, String sourceName, String destination, boolean intoDirectory) throws IOException {
        if (Files.isDirectory(source)) {
            Path dir = mkdirs(destination);
            copyChildren(source, dir, destination);
            return;
        }
        String target = destination;
        if (intoDirectory || Files.isDirectory(ScopedPath.resolve(rootfs, destination))) {
            target = join(destination, Path.of(sourceName).getFileName().toString());
        }
        copyEntry(source, target);
    }

    /** Creates the directory and its missing parents (owned by the owner), returns its host path. */
    Path mkdirs(String containerPath) throws IOException {
        String path = normalize(containerPath);
        if (path.equals("/")) {
            return ScopedPath.resolve(rootfs, "/");
        }
        String parent = parentOf(path);
        Path parentDir = mkdirs(parent);
        Path dir = ScopedPath.resolve(rootfs, path);
        if (!Files.isDirectory(dir)) {
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("cannot copy to " + path + ": not a directory");
            }
            Files.createDirectory(parentDir.resolve(dir.getFileName()));
            Syscalls.chmod(dir, 0755);
            Syscalls.lchown(dir, owner.uid(), owner.gid());
            Syscalls.setTimes(dir, createdDirTime);
        }
        return dir;
    }

    private void copyChildren(Path sourceDir, Path targetDir, String containerDir) throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(sourceDir)) {
            children = list.sorted().toList();
        }
        for (Path child : children) {
            copyEntry(child, join(containerDir, child.getFileName().toString()));
        }
        Syscalls.setTimes(targetDir, Files.getLastModifiedTime(sourceDir, LinkOption.NOFOLLOW_LINKS).toInstant());
    }

    private void copyEntry(Path source, String containerPath) throws IOException {
        Path parent = mkdirs(parentOf(normalize(containerPath)));
        Path target = parent.resolve(Path.of(containerPath).getFileName().toString());
        if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            Path dir = Files.isDirectory(target) ? ScopedPath.resolve(rootfs, containerPath) : createDir(source, target);
            copyChildren(source, dir, containerPath);
            return;
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(containerPath, null, "cannot overwrite directory with a file");
        }
        Files.copy(source, target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES,
                StandardCopyOption.REPLACE_EXISTING);
        applyOwner(source, target);
    }

    private Path createDir(Path source, Path target) throws IOException {
        Files.createDirectory(target);
        applyOwner(source, target);
        return target;
    }

    private void applyOwner(Path source, Path target) throws IOException {
        boolean link = Files.isSymbolicLink(target);
        if (!link) {
            int mode = owner.mode() != null ? owner.mode()
                    : (Integer) Files.getAttribute(source, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
            Syscalls.chmod(target, mode);
        }
        Syscalls.lchown(target, owner.uid(), owner.gid());
        FileTime mtime = Files.getLastModifiedTime(source, LinkOption.NOFOLLOW_LINKS);
        Syscalls.setTimes(target, mtime.toInstant());
    }

    static String join(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    static String normalize(String path) {
        String cleaned = Path.of("/").resolve(path).normalize().toString();
        return cleaned.isEmpty() ? "/" : cleaned;
    }

    private static String parentOf(String path) {
        Path parent = Path.of(path).getParent();
        return parent == null ? "/" : parent.toString();
    }
}
