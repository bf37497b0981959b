package dev.wharf.engine.containers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Creates a directory inside a container's rootfs as the container would see the path: symlinks
 * are resolved against the rootfs, never the host, so an image cannot make us create host dirs.
 */
final class RootfsDirs {
    private static final int MAX_LINKS = 255;

    private RootfsDirs() {}

    static void createDirectories(Path rootfs, String containerPath) throws IOException {
        Files.createDirectories(resolve(rootfs, containerPath));
    }

    static Path resolve(Path rootfs, String containerPath) throws IOException {
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
