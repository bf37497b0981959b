package dev.wharf.build.exec;

import dev.wharf.build.context.ContextArchive;
import dev.wharf.linux.Syscalls;
import dev.wharf.runtime.ScopedPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * ADD's unpacking of local tar archives (plain, gzip, bzip2, xz) into a directory of the rootfs. Entry
 * names are resolved inside the rootfs, so no entry or link writes outside it; owners come from the
 * archive unless --chown was given.
 */
final class ArchiveExtractor {
    private ArchiveExtractor() {}

    /** Whether the file is a tar archive in one of the compressions ADD unpacks. */
    static boolean isArchive(Path file) {
        try (InputStream in = open(file); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            return tar.getNextEntry() != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static void extract(Path archive, Path rootfs, String containerDir, FileCopier dirs, Ownership owner)
            throws IOException {
        dirs.mkdirs(containerDir);
        try (InputStream in = open(archive); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                String name = FileCopier.normalize(entry.getName());
                if (name.equals("/")) {
                    continue;
                }
                String containerPath = FileCopier.join(containerDir, name.substring(1));
                Path parent = dirs.mkdirs(Path.of(containerPath).getParent().toString());
                Path target = parent.resolve(Path.of(containerPath).getFileName().toString());
                if (entry.isDirectory()) {
                    if (!Files.isDirectory(target)) {
                        Files.deleteIfExists(target);
                        Files.createDirectory(target);
                    }
                } else {
                    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                        continue;
                    }
                    Files.deleteIfExists(target);
                    if (entry.isSymbolicLink()) {
                        Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                    } else if (entry.isLink()) {
                        Path linked = ScopedPath.resolve(rootfs,
                                FileCopier.join(containerDir, FileCopier.normalize(entry.getLinkName()).substring(1)));
                        Files.createLink(target, linked);
                    } else if (entry.isFile()) {
                        Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    } else {
                        continue; // devices and FIFOs are not unpacked by ADD here
                    }
                }
                boolean link = Files.isSymbolicLink(target);
                if (!link) {
                    Syscalls.chmod(target, owner.mode() != null ? owner.mode() : entry.getMode() & 07777);
                }
                int uid = owner.keepSourceOwner() ? (int) entry.getLongUserId() : owner.uid();
                int gid = owner.keepSourceOwner() ? (int) entry.getLongGroupId() : owner.gid();
                Syscalls.lchown(target, uid, gid);
                Syscalls.setTimes(target, entry.getLastModifiedTime().toInstant());
            }
        }
    }

    private static InputStream open(Path file) throws IOException {
        return ContextArchive.decompressed(Files.newInputStream(file));
    }
}
