package dev.wharf.runtime.overlay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Docker's init layer: a read-only layer between the image and the container's writable layer that
 * already holds the mount points the runtime needs (the generated /etc files, /dev, /proc, /sys).
 * Without it runc would create them in the writable layer, and {@code diff}, {@code commit} and
 * {@code export} would show files the user never made.
 */
final class InitLayer {
    private static final String[] DIRECTORIES = {"dev", "dev/pts", "dev/shm", "etc", "proc", "sys"};
    private static final String[] FILES = {".dockerenv", "dev/console", "etc/hostname", "etc/hosts", "etc/resolv.conf"};

    private InitLayer() {}

    /** Creates the layer in {@code dir} unless it is there already (moby's {@code setupInitLayer}). */
    static void ensure(Path dir) throws IOException {
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp");
        Directories.deleteRecursively(tmp);
        var mode = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectory(tmp, mode);
        for (String name : DIRECTORIES) {
            Files.createDirectory(tmp.resolve(name), mode);
        }
        for (String name : FILES) {
            Files.createFile(tmp.resolve(name), mode);
        }
        Files.createSymbolicLink(tmp.resolve("etc/mtab"), Path.of("/proc/mounts"));
        Files.move(tmp, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
