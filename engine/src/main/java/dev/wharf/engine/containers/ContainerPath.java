package dev.wharf.engine.containers;

import dev.wharf.api.types.ContainerPathStat;
import dev.wharf.runtime.ScopedPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

/**
 * A path of the archive endpoints resolved the way moby's {@code ResolvePath} does: absolute in the
 * container, every directory followed through symlinks in the scope of the rootfs, the last element
 * not (unless the path ends in {@code /} or {@code /.}), so {@code cp ctr:/link} copies the link.
 *
 * @param absPath the container path, cleaned, its trailing {@code /} or {@code /.} kept
 * @param host where it is on the host, inside the rootfs
 */
record ContainerPath(String absPath, Path host) {

    static ContainerPath resolve(Path rootfs, String requested) throws IOException {
        String absPath = preserveTrailing(clean("/" + requested), requested);
        int slash = absPath.lastIndexOf('/');
        String dir = absPath.substring(0, slash + 1);
        String base = absPath.substring(slash + 1);
        Path resolvedDir = ScopedPath.resolve(rootfs, dir);
        return new ContainerPath(absPath, base.isEmpty() ? resolvedDir : resolvedDir.resolve(base));
    }

    /** Go's {@code filepath.Base}: the last element, trailing slashes ignored; "/" for the root. */
    String baseName() {
        String trimmed = absPath.replaceAll("/+$", "");
        return trimmed.isEmpty() ? "/" : trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** moby's StatPath; a symlink's target is given fully resolved in the container. Null when nothing is there. */
    ContainerPathStat stat(Path rootfs) throws IOException {
        Map<String, Object> attrs;
        try {
            attrs = Files.readAttributes(host, "unix:mode,size,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
        int mode = (Integer) attrs.get("mode");
        String linkTarget = "";
        if ((mode & 0170000) == 0120000) {
            Path target = ScopedPath.resolve(rootfs, absPath);
            linkTarget = "/" + rootfs.relativize(target);
        }
        Instant mtime = ((FileTime) attrs.get("lastModifiedTime")).toInstant();
        return new ContainerPathStat(baseName(), (Long) attrs.get("size"), goFileMode(mode),
                Timestamps.rfc3339Nano(mtime), linkTarget);
    }

    /** The stat(2) mode as Go's {@code os.FileMode}. */
    static long goFileMode(int mode) {
        long result = mode & 0777;
        result |= switch (mode & 0170000) {
            case 0040000 -> ContainerPathStat.MODE_DIR;
            case 0120000 -> ContainerPathStat.MODE_SYMLINK;
            case 0060000 -> ContainerPathStat.MODE_DEVICE;
            case 0020000 -> ContainerPathStat.MODE_DEVICE | ContainerPathStat.MODE_CHAR_DEVICE;
            case 0010000 -> ContainerPathStat.MODE_NAMED_PIPE;
            case 0140000 -> ContainerPathStat.MODE_SOCKET;
            default -> 0L;
        };
        if ((mode & 04000) != 0) {
            result |= ContainerPathStat.MODE_SETUID;
        }
        if ((mode & 02000) != 0) {
            result |= ContainerPathStat.MODE_SETGID;
        }
        if ((mode & 01000) != 0) {
            result |= ContainerPathStat.MODE_STICKY;
        }
        return result;
    }

    /** Go's {@code path.Clean} for an absolute path. */
    static String clean(String path) {
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** moby's {@code PreserveTrailingDotOrSeparator}. */
    private static String preserveTrailing(String cleaned, String original) {
        if (original.endsWith("/.") && !cleaned.endsWith("/.")) {
            return cleaned.equals("/") ? "/." : cleaned + "/.";
        }
        if (original.endsWith("/") && !cleaned.endsWith("/")) {
            return cleaned + "/";
        }
        return cleaned;
    }
}
