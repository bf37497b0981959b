package dev.wharf.image;

import dev.wharf.linux.Syscalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code docker diff} of an overlay writable layer, as moby's {@code OverlayChanges}: a whiteout
 * (0/0 character device) or an opaque directory is a deletion; anything else is an addition unless
 * a lower layer has the path, then a modification — except a directory whose size, mode and mtime
 * equal the lower one's, which is only there because something below it changed. The parent of an
 * addition or deletion is reported modified. Paths are walked in name order, parents first.
 */
public final class OverlayChanges {
    private final Path upper;
    private final List<Path> lowers;
    private final List<FileChange> changes = new ArrayList<>();
    private final Set<String> changedDirs = new HashSet<>();

    private OverlayChanges(Path upper, List<Path> lowers) {
        this.upper = upper;
        this.lowers = lowers;
    }

    /**
     * @param lowers the lower directories, top first
     */
    public static List<FileChange> compute(Path upper, List<Path> lowers) throws IOException {
        var walk = new OverlayChanges(upper, lowers);
        if (Files.isDirectory(upper, LinkOption.NOFOLLOW_LINKS)) {
            walk.children(upper, "");
        }
        return List.copyOf(walk.changes);
    }

    private void children(Path dir, String containerDir) throws IOException {
        List<Path> entries;
        try (var list = Files.list(dir)) {
            entries = list.sorted().toList();
        }
        for (Path entry : entries) {
            String path = containerDir + "/" + entry.getFileName();
            visit(entry, path);
        }
    }

    private void visit(Path entry, String path) throws IOException {
        Map<String, Object> attrs = Files.readAttributes(entry, "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS);
        int type = (Integer) attrs.get("mode") & 0170000;
        boolean dir = type == 0040000;
        FileChange.Kind kind;
        if ((type == Syscalls.S_IFCHR && (Long) attrs.get("rdev") == 0) || (dir && TreeArchiver.isOpaque(entry))) {
            kind = FileChange.Kind.DELETE;
        } else {
            kind = lowerKind(entry, path, dir);
        }
        if (kind != null) {
            if (dir) {
                changedDirs.add(path);
            }
            if (kind != FileChange.Kind.MODIFY) {
                String parent = path.substring(0, path.lastIndexOf('/'));
                if (!parent.isEmpty() && changedDirs.add(parent)) {
                    changes.add(new FileChange(parent, FileChange.Kind.MODIFY));
                }
            }
            changes.add(new FileChange(path, kind));
        }
        if (dir) {
            children(entry, path);
        }
    }

    /** ADD, MODIFY, or null for a directory that merely holds changes. */
    private FileChange.Kind lowerKind(Path entry, String path, boolean dir) throws IOException {
        for (Path lower : lowers) {
            PosixFileAttributes below = attributes(lower.resolve(path.substring(1)));
            if (below == null) {
                continue;
            }
            if (dir && below.isDirectory()) {
                PosixFileAttributes here = attributes(entry);
                if (here.size() == below.size() && here.permissions().equals(below.permissions())
                        && here.lastModifiedTime().equals(below.lastModifiedTime())) {
                    return null;
                }
            }
            return FileChange.Kind.MODIFY;
        }
        return FileChange.Kind.ADD;
    }

    private static PosixFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
