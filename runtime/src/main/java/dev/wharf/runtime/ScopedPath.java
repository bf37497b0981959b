package dev.wharf.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Resolves a path inside a container rootfs the way the container would see it: symlinks are
 * followed relative to the rootfs (an absolute target restarts at the rootfs, {@code ..} stops at
 * it), so a hostile image can never make us read a host file.
 */
public final class ScopedPath {
    private static final int MAX_LINKS = 255;

    private ScopedPath() {}

    /** The host path of {@code containerPath} under {@code rootfs}; the result may not exist. */
    public static Path resolve(Path rootfs, String containerPath) throws IOException {
        String name = resolveName(containerPath, candidate -> {
            Path onDisk = rootfs.resolve(candidate);
            return Files.isSymbolicLink(onDisk) ? Files.readSymbolicLink(onDisk).toString() : null;
        });
        return name.isEmpty() ? rootfs : rootfs.resolve(name);
    }

    /** A tree's symlinks: the target of the link at a {@code /}-joined name relative to the root, or null. */
    @FunctionalInterface
    public interface Links {
        String target(String name) throws IOException;
    }

    /**
     * The {@code /}-joined name, relative to the root ({@code ""} for the root itself), that {@code path}
     * reaches in a tree whose symlinks {@code links} reads: an absolute target restarts at the root and
     * {@code ..} stops at it, as the kernel does inside a chroot. The name may not exist.
     */
    public static String resolveName(String path, Links links) throws IOException {
        Deque<String> pending = new ArrayDeque<>();
        push(pending, path);
        Deque<String> resolved = new ArrayDeque<>();
        int followed = 0;
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                resolved.pollLast();
                continue;
            }
            String target = links.target(resolved.isEmpty() ? name : String.join("/", resolved) + "/" + name);
            if (target == null) {
                resolved.addLast(name);
                continue;
            }
            if (++followed > MAX_LINKS) {
                throw new IOException("too many levels of symbolic links: " + path);
            }
            if (target.startsWith("/")) {
                resolved.clear();
            }
            push(pending, target);
        }
        return String.join("/", resolved);
    }

    /** Creates the directory (and its parents) as the container would see the path; Docker does this for a missing WorkingDir. */
    public static Path createDirectories(Path rootfs, String containerPath) throws IOException {
        return Files.createDirectories(resolve(rootfs, containerPath));
    }

    /** Like {@link #resolve} but only for a regular file that exists; null otherwise. */
    static Path regularFile(Path rootfs, String containerPath) throws IOException {
        Path file = resolve(rootfs, containerPath);
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? file : null;
    }

    private static void push(Deque<String> pending, String path) {
        String[] names = path.split("/");
        for (int i = names.length - 1; i >= 0; i--) {
            pending.push(names[i]);
        }
    }
}
