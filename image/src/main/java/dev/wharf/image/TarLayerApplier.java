package dev.wharf.image;

import dev.wharf.linux.ErrnoException;
import dev.wharf.linux.Syscalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Applies Docker/OCI layer tars with Commons Compress; see {@link LayerApplier} for the rules. The
 * same containment serves {@code docker cp} archives ({@link ExtractOptions#copy}).
 * Needs root for ownership, device nodes and {@code trusted.*} attributes.
 */
public final class TarLayerApplier implements LayerApplier {
    static final String WHITEOUT_PREFIX = ".wh.";
    static final String OPAQUE_MARKER = ".wh..wh..opq";
    static final String OPAQUE_XATTR = "trusted.overlay.opaque";
    private static final String PAX_XATTR_PREFIX = "SCHILY.xattr.";
    private static final int S_IFBLK = 0060000;
    private static final int S_IFIFO = 0010000;
    private static final int COPY_BUFFER = 256 * 1024;

    private final ExtractOptions options;

    /** A layer applier. */
    public TarLayerApplier() {
        this(ExtractOptions.layer());
    }

    public TarLayerApplier(ExtractOptions options) {
        this.options = options;
    }

    @Override
    public Digest apply(InputStream layer, Path root) throws IOException {
        Compression.Detected detected = Compression.detect(layer);
        InputStream tar = detected.decompressed();
        MessageDigest sha256 = Digest.newSha256();
        DigestInputStream hashed = new DigestInputStream(tar, sha256);
        LayerPaths paths = new LayerPaths(root, options.parents());
        // Directory times are set last: creating their children would change them again.
        Map<Path, FileTime> directoryTimes = new LinkedHashMap<>();
        try {
            TarArchiveInputStream entries = new TarArchiveInputStream(hashed, StandardCharsets.UTF_8.name());
            TarArchiveEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                applyEntry(entry, entries, paths, root, directoryTimes);
            }
            // The hash covers the whole stream, including the end-of-archive padding the reader skipped.
            hashed.transferTo(OutputStream.nullOutputStream());
            // And the layer to its end (what follows the compressed stream), so a stream that verifies
            // itself at its end, as a pull's download does, can still fail the layer.
            detected.stream().transferTo(OutputStream.nullOutputStream());
        } catch (LayerException e) {
            throw e;
        } catch (ErrnoException e) {
            throw new LayerException("applying layer: " + e.getMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new LayerException("malformed layer tar: " + e.getMessage(), e);
        }
        List<Map.Entry<Path, FileTime>> dirs = new ArrayList<>(directoryTimes.entrySet());
        for (int i = dirs.size() - 1; i >= 0; i--) {
            setTimes(dirs.get(i).getKey(), dirs.get(i).getValue());
        }
        return Digest.sha256(sha256);
    }

    private void applyEntry(TarArchiveEntry entry, InputStream content, LayerPaths paths, Path root,
            Map<Path, FileTime> directoryTimes) throws IOException {
        // moby's Untar (cp) puts an absolute name below the destination; a layer must not have one.
        String name = options.whiteouts() ? entry.getName() : entry.getName().replaceFirst("^/+", "");
        List<String> parts = LayerPaths.components(name);
        if (parts.isEmpty()) {
            return; // "./": the root's own metadata belongs to the snapshotter
        }
        String base = parts.getLast();
        if (options.whiteouts() && base.startsWith(WHITEOUT_PREFIX)) {
            applyWhiteout(name, parts, paths);
            return;
        }
        Path target = paths.prepare(name, parts);
        BasicFileAttributes existing = LayerPaths.attributes(target);
        if (existing != null && options.noOverwriteDirNonDir() && existing.isDirectory() != entry.isDirectory()) {
            throw new LayerException(existing.isDirectory()
                    ? "cannot overwrite directory \"" + name + "\" with non-directory"
                    : "cannot overwrite non-directory \"" + name + "\" with directory");
        }
        if (existing != null && !(existing.isDirectory() && entry.isDirectory())) {
            LayerPaths.removeAll(target);
        }
        int perm = entry.getMode() & 07777;
        if (entry.isDirectory()) {
            if (existing == null || !existing.isDirectory()) {
                Files.createDirectory(target);
            }
        } else if (entry.isSymbolicLink()) {
            Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
            String linkName = options.whiteouts() ? entry.getLinkName() : entry.getLinkName().replaceFirst("^/+", "");
            Files.createLink(target, paths.existing(name, linkName));
            return; // a hardlink shares the target's inode and metadata
        } else if (entry.isCharacterDevice()) {
            Syscalls.mknod(target, Syscalls.S_IFCHR | perm, Syscalls.makedev(entry.getDevMajor(), entry.getDevMinor()));
        } else if (entry.isBlockDevice()) {
            Syscalls.mknod(target, S_IFBLK | perm, Syscalls.makedev(entry.getDevMajor(), entry.getDevMinor()));
        } else if (entry.isFIFO()) {
            Syscalls.mknod(target, S_IFIFO | perm, 0);
        } else if (entry.isFile()) {
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                copy(content, out, entry.getSize());
            }
        } else {
            return; // pax/global headers are consumed by the reader; other types (sparse, contiguous) are skipped
        }
        switch (options.owners()) {
            case ExtractOptions.Owners.FromArchive() ->
                    Syscalls.lchown(target, (int) entry.getLongUserId(), (int) entry.getLongGroupId());
            case ExtractOptions.Owners.Fixed(int uid, int gid) -> Syscalls.lchown(target, uid, gid);
            case ExtractOptions.Owners.Extractor() -> { }
        }
        applyXattrs(entry, target);
        FileTime mtime = FileTime.from(entry.getModTime().toInstant());
        if (entry.isSymbolicLink()) {
            setTimes(target, mtime);
            return; // a symlink's mode is meaningless and chmod would follow it
        }
        // After lchown, which clears setuid/setgid; chmod(2) because the JDK can set neither those bits nor a FIFO's mode.
        Syscalls.chmod(target, perm);
        if (entry.isDirectory()) {
            directoryTimes.put(target, mtime);
        } else {
            setTimes(target, mtime);
        }
    }

    /** {@code .wh.NAME} hides NAME of lower layers; {@code .wh..wh..opq} hides the whole directory's lower content. */
    private void applyWhiteout(String name, List<String> parts, LayerPaths paths) throws IOException {
        String base = parts.getLast();
        Path marker = paths.prepare(name, parts);
        Path dir = marker.getParent();
        if (base.equals(OPAQUE_MARKER)) {
            Syscalls.setXattr(dir, OPAQUE_XATTR, "y".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        if (base.startsWith(WHITEOUT_PREFIX + WHITEOUT_PREFIX)) {
            return; // other AUFS metadata (.wh..wh.plnk, .wh..wh.aufs) has no overlay meaning
        }
        String hidden = base.substring(WHITEOUT_PREFIX.length());
        if (hidden.isEmpty() || hidden.equals(".") || hidden.equals("..")) {
            throw new LayerException("refusing layer entry " + name + ": invalid whiteout");
        }
        Path whiteout = dir.resolve(hidden);
        LayerPaths.removeAll(whiteout);
        Syscalls.mknod(whiteout, Syscalls.S_IFCHR, Syscalls.makedev(0, 0));
    }

    private void applyXattrs(TarArchiveEntry entry, Path target) throws IOException {
        for (Map.Entry<String, String> header : entry.getExtraPaxHeaders().entrySet()) {
            if (!header.getKey().startsWith(PAX_XATTR_PREFIX)) {
                continue;
            }
            String xattr = header.getKey().substring(PAX_XATTR_PREFIX.length());
            // A layer must not forge overlayfs's own metadata (redirects, opaque markers other than ours).
            if (!xattr.startsWith("trusted.overlay.")) {
                Syscalls.setXattr(target, xattr, header.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** With a bigger buffer than transferTo's (up to the file's size): big files take fewer system calls. */
    private static void copy(InputStream content, OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[(int) Math.clamp(size, 1, COPY_BUFFER)];
        int n;
        while ((n = content.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
        }
    }

    /** Through utimensat: the JDK's setTimes opens the file, which blocks on a FIFO. */
    private static void setTimes(Path path, FileTime mtime) throws IOException {
        Syscalls.setTimes(path, mtime.toInstant());
    }
}
