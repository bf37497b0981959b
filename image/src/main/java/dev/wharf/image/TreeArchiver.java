package dev.wharf.image;

import dev.wharf.linux.Syscalls;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes files from disk into a tar as they are: type, mode (setuid/setgid/sticky included), owner,
 * mtime, symlink targets, device numbers, and hardlinks as links to the first name of the inode.
 * Symlinks are never followed, so a tree can name nothing outside itself. Children are written in
 * name order, a directory before its content (what {@code docker cp}, {@code export} and layers need).
 *
 * <p>With {@code overlayWhiteouts} an overlay upper directory becomes a Docker layer: a 0/0 character
 * device is the whiteout {@code .wh.NAME}, a directory with {@code trusted.overlay.opaque=y} gets
 * a {@code .wh..wh..opq} entry. Any other device, FIFO or socket is written as itself (sockets are
 * skipped, as tar cannot hold them).
 */
public final class TreeArchiver implements Closeable {
    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFLNK = 0120000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    /** The inode identity for hardlink detection. */
    private record Inode(long dev, long ino) {}

    private final TarArchiveOutputStream tar;
    private final boolean overlayWhiteouts;
    private final Map<Inode, String> firstNames = new HashMap<>();
    private long entries;

    public TreeArchiver(OutputStream out, boolean overlayWhiteouts) {
        this.tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
        this.tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        this.tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        this.overlayWhiteouts = overlayWhiteouts;
    }

    /**
     * Adds {@code source} under the tar name {@code name} ({@code "."} gives {@code ./} and
     * {@code ./child} names) and, when it is a directory, everything below it.
     */
    public void add(Path source, String name) throws IOException {
        Map<String, Object> attrs = Files.readAttributes(source, "unix:*", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) attrs.get("mode");
        int type = mode & S_IFMT;
        if (type == S_IFSOCK) {
            return;
        }
        if (overlayWhiteouts && type == Syscalls.S_IFCHR && (Long) attrs.get("rdev") == 0) {
            whiteout(name, attrs);
            return;
        }
        if (type != S_IFDIR) {
            addLeaf(source, name, attrs, type);
            return;
        }
        String dirName = name.endsWith("/") ? name : name + "/";
        put(header(dirName, TarConstants.LF_DIR, attrs), null);
        if (overlayWhiteouts && isOpaque(source)) {
            TarArchiveEntry opaque = header(dirName + TarLayerApplier.OPAQUE_MARKER, TarConstants.LF_NORMAL, attrs);
            opaque.setMode(mode & 0777);
            put(opaque, null);
        }
        for (Path child : children(source)) {
            add(child, dirName + child.getFileName());
        }
    }

    private static List<Path> children(Path dir) throws IOException {
        try (var list = Files.list(dir)) {
            return list.sorted().toList();
        }
    }

    /** Adds the directory's children as top-level names ({@code bin/}, {@code etc/passwd}): a layer or {@code export}. */
    public void addChildren(Path dir) throws IOException {
        for (Path child : children(dir)) {
            add(child, child.getFileName().toString());
        }
    }

    /** Whether nothing has been written yet (an upper directory without changes). */
    public boolean isEmpty() {
        return entries == 0;
    }

    /** Writes the end-of-archive marker; the underlying stream stays open. */
    public void finish() throws IOException {
        tar.finish();
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }

    private void addLeaf(Path source, String name, Map<String, Object> attrs, int type) throws IOException {
        if (type != S_IFLNK && (Integer) attrs.get("nlink") > 1) {
            Inode inode = new Inode((Long) attrs.get("dev"), (Long) attrs.get("ino"));
            String first = firstNames.putIfAbsent(inode, name);
            if (first != null) {
                TarArchiveEntry link = header(name, TarConstants.LF_LINK, attrs);
                link.setLinkName(first);
                put(link, null);
                return;
            }
        }
        switch (type) {
            case S_IFREG -> {
                TarArchiveEntry entry = header(name, TarConstants.LF_NORMAL, attrs);
                entry.setSize((Long) attrs.get("size"));
                try (InputStream content = Files.newInputStream(source, LinkOption.NOFOLLOW_LINKS)) {
                    put(entry, content);
                }
            }
            case S_IFLNK -> {
                TarArchiveEntry entry = header(name, TarConstants.LF_SYMLINK, attrs);
                entry.setLinkName(Files.readSymbolicLink(source).toString());
                put(entry, null);
            }
            case Syscalls.S_IFCHR, S_IFBLK -> {
                TarArchiveEntry entry = header(name, type == S_IFBLK ? TarConstants.LF_BLK : TarConstants.LF_CHR, attrs);
                long rdev = (Long) attrs.get("rdev");
                entry.setDevMajor((int) (((rdev >>> 32) & 0xfffff000L) | ((rdev >>> 8) & 0xfff)));
                entry.setDevMinor((int) (((rdev >>> 12) & 0xffffff00L) | (rdev & 0xff)));
                put(entry, null);
            }
            case Syscalls.S_IFIFO -> put(header(name, TarConstants.LF_FIFO, attrs), null);
            default -> { } // nothing else can be on disk
        }
    }

    /** Docker's form of an overlay whiteout: an empty regular file {@code .wh.NAME} with the device's owner. */
    private void whiteout(String name, Map<String, Object> attrs) throws IOException {
        int slash = name.lastIndexOf('/');
        String whiteoutName = name.substring(0, slash + 1) + TarLayerApplier.WHITEOUT_PREFIX + name.substring(slash + 1);
        TarArchiveEntry entry = header(whiteoutName, TarConstants.LF_NORMAL, attrs);
        entry.setMode((Integer) attrs.get("mode") & 0777);
        put(entry, null);
    }

    /** Whether overlayfs hides the lower layers' content of this upper directory. */
    static boolean isOpaque(Path dir) throws IOException {
        byte[] value = Syscalls.getXattr(dir, TarLayerApplier.OPAQUE_XATTR);
        return value != null && value.length == 1 && value[0] == 'y';
    }

    private static TarArchiveEntry header(String name, byte type, Map<String, Object> attrs) {
        TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
        entry.setMode((Integer) attrs.get("mode") & 07777);
        entry.setIds((Integer) attrs.get("uid"), (Integer) attrs.get("gid"));
        entry.setNames("", "");
        entry.setModTime(Date.from(((FileTime) attrs.get("lastModifiedTime")).toInstant()));
        return entry;
    }

    /** The header's size, zero-padded if the file shrank meanwhile and cut if it grew (a running container may write to it). */
    private void copyExactly(InputStream content, long size) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long remaining = size;
        while (remaining > 0) {
            int n = content.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                java.util.Arrays.fill(buffer, (byte) 0);
                n = (int) Math.min(buffer.length, remaining);
            }
            tar.write(buffer, 0, n);
            remaining -= n;
        }
    }

    private void put(TarArchiveEntry entry, InputStream content) throws IOException {
        tar.putArchiveEntry(entry);
        if (content != null) {
            copyExactly(content, entry.getSize());
        }
        tar.closeArchiveEntry();
        entries++;
    }
}
