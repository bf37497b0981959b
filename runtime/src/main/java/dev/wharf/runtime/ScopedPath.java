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
        Deque<String> pending = new ArrayDeque<>();
        push(pending, containerPath);
        Deque<String> resolved = new ArrayDeque<>();
        int links = 0;
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                resolved.pollLast();
                continue;
            }
            Path candidate = join(rootfs, resolved).resolve(name);
            if (Files.isSymbolicLink(candidate)) {
                if (++links > MAX_LINKS) {
                    throw new IOException("too many levels of symbolic links: " + containerPath);
                }
                String target = Files.readSymbolicLink(candidate).toString();
                if (target.startsWith("/")) {
                    resolved.clear();
                }
                push(pending, target);
            } else {
                resolved.addLast(name);
            }
        }
        return join(rootfs, resolved);
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

    private static Path join(Path rootfs, Deque<String> names) {
        Path path = rootfs;
        for (String name : names) {
            path = path.resolve(name);
        }
        return path;
    }
}
