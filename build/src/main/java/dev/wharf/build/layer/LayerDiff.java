package dev.wharf.build.layer;

import dev.wharf.image.TarWriter;
import dev.wharf.linux.Syscalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * An overlay upper directory as a layer tar: entries sorted by name, overlay whiteouts (0/0 character
 * devices) written as {@code .wh.NAME}, opaque directories followed by {@code .wh..wh..opq}, hard links
 * kept, owners and modes as on disk. With a clamp time (SOURCE_DATE_EPOCH) no mtime is later than it.
 */
public final class LayerDiff {
    private static final String OPAQUE_XATTR = "trusted.overlay.opaque";
    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFIFO = 0010000;

    private final Instant clamp;

    /** @param clamp the latest mtime written, or null to keep mtimes as they are */
    public LayerDiff(Instant clamp) {
        this.clamp = clamp;
    }

    /** Whether the directory holds no change at all. */
    public static boolean isEmpty(Path upper) throws IOException {
        try (Stream<Path> entries = Files.list(upper)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Writes the tar of {@code upper} to {@code out} (the stream stays open). */
    public void write(Path upper, OutputStream out) throws IOException {
        TarWriter tar = new TarWriter(out, Instant.EPOCH);
        Map<Long, String> linked = new HashMap<>();
        walk(upper, upper, tar, linked);
        tar.finish();
    }

    private void walk(Path root, Path dir, TarWriter tar, Map<Long, String> linked) throws IOException {
        List<Path> children;
        try (Stream<Path> entries = Files.list(dir)) {
            children = entries.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
        for (Path child : children) {
            String name = root.relativize(child).toString();
            Map<String, Object> attrs = Files.readAttributes(child, "unix:*", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) attrs.get("mode");
            int type = mode & S_IFMT;
            if (type == S_IFCHR && ((Long) attrs.get("rdev")) == 0L) {
                String parent = child.getParent().equals(root) ? "" : root.relativize(child.getParent()) + "/";
                tar.add(entry(tar, parent + ".wh." + child.getFileName(), TarConstants.LF_NORMAL, 0, attrs), null);
                continue;
            }
            switch (type) {
                case S_IFDIR -> {
                    tar.add(entry(tar, name + "/", TarConstants.LF_DIR, mode, attrs), null);
                    byte[] opaque = Syscalls.getXattr(child, OPAQUE_XATTR);
                    if (opaque != null && new String(opaque).equals("y")) {
                        tar.add(entry(tar, name + "/.wh..wh..opq", TarConstants.LF_NORMAL, 0, attrs), null);
                    }
                    walk(root, child, tar, linked);
                }
                case S_IFREG -> regular(tar, child, name, mode, attrs, linked);
                case S_IFLNK -> {
                    TarArchiveEntry e = entry(tar, name, TarConstants.LF_SYMLINK, mode, attrs);
                    e.setLinkName(Files.readSymbolicLink(child).toString());
                    tar.add(e, null);
                }
                case S_IFCHR, S_IFBLK -> {
                    TarArchiveEntry e = entry(tar, name, type == S_IFCHR ? TarConstants.LF_CHR : TarConstants.LF_BLK,
                            mode, attrs);
                    long rdev = (Long) attrs.get("rdev");
                    e.setDevMajor((int) ((rdev >>> 8) & 0xfff));
                    e.setDevMinor((int) ((rdev & 0xff) | ((rdev >>> 12) & 0xfff00)));
                    tar.add(e, null);
                }
                case S_IFIFO -> tar.add(entry(tar, name, TarConstants.LF_FIFO, mode, attrs), null);
                default -> { } // sockets do not go into layers, as in Docker
            }
        }
    }

    private void regular(TarWriter tar, Path file, String name, int mode, Map<String, Object> attrs,
            Map<Long, String> linked) throws IOException {
        if ((Integer) attrs.get("nlink") > 1) {
            long inode = (Long) attrs.get("ino");
            String first = linked.putIfAbsent(inode, name);
            if (first != null) {
                TarArchiveEntry e = entry(tar, name, TarConstants.LF_LINK, mode, attrs);
                e.setLinkName(first);
                tar.add(e, null);
                return;
            }
        }
        TarArchiveEntry e = entry(tar, name, TarConstants.LF_NORMAL, mode, attrs);
        long size = Files.size(file);
        e.setSize(size);
        try (InputStream in = Files.newInputStream(file)) {
            tar.addStreamed(e, in);
        }
    }

    private TarArchiveEntry entry(TarWriter tar, String name, byte type, int mode, Map<String, Object> attrs) {
        TarArchiveEntry e = tar.entry(name, type, mode & 07777);
        e.setIds((Integer) attrs.get("uid"), (Integer) attrs.get("gid"));
        Instant mtime = ((FileTime) attrs.get("lastModifiedTime")).toInstant();
        if (clamp != null && mtime.isAfter(clamp)) {
            mtime = clamp;
        }
        e.setModTime(FileTime.from(mtime.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        return e;
    }
}
