package dev.wharf.runtime.volume;

import dev.wharf.linux.Syscalls;
import dev.wharf.runtime.ScopedPath;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Docker's copy-up: a volume that is still empty when a container first mounts it gets the image's
 * content at the mount point (files, directories, symlinks, owners, modes, times). Device nodes and
 * sockets are skipped, as they are meaningless in a volume.
 */
public final class CopyUp {
    private CopyUp() {}

    /** @return whether anything was copied (false: the volume had content, or the image nothing there) */
    public static boolean fillIfEmpty(Path rootfs, String containerPath, Path volumeData) throws IOException {
        if (!isEmptyDirectory(volumeData)) {
            return false;
        }
        Path source = ScopedPath.resolve(rootfs, containerPath);
        if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = volumeData.resolve(source.relativize(dir).toString());
                if (!dir.equals(source)) {
                    Files.createDirectory(target);
                }
                copyOwnerAndMode(dir, target);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() || attrs.isSymbolicLink()) {
                    Path target = volumeData.resolve(source.relativize(file).toString());
                    Files.copy(file, target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
                    if (attrs.isSymbolicLink()) {
                        Syscalls.lchown(target, uid(file), gid(file));
                    } else {
                        copyOwnerAndMode(file, target); // chown clears setuid bits, so the mode comes after
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Path target = volumeData.resolve(source.relativize(dir).toString());
                Files.setLastModifiedTime(target, Files.getLastModifiedTime(dir));
                return FileVisitResult.CONTINUE;
            }
        });
        return true;
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Mode bits as chmod(2) takes them, setuid/setgid/sticky included. */
    private static void copyOwnerAndMode(Path from, Path to) throws IOException {
        Syscalls.lchown(to, uid(from), gid(from));
        int mode = (Integer) Files.getAttribute(from, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        Syscalls.chmod(to, mode & 07777);
    }

    private static int uid(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    private static int gid(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS);
    }
}
