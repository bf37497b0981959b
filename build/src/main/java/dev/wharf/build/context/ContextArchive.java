package dev.wharf.build.context;

import dev.wharf.build.BuildException;
import dev.wharf.image.Digest;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Spools the build context a client sent (a tar, plain or gzip/bzip2/xz compressed) into a directory without
 * unpacking it: the files' contents go one after another into one spool file, each hashed on the way, and
 * the headers into a {@link ContextIndex}. No entry can name a place outside the context: names with {@code ..}
 * beyond the root, hard links to outside and entries under a symlink (or a file) are refused. Owners are not
 * kept (COPY writes root unless --chown); devices and FIFOs have no place in a build context and are skipped.
 */
public final class ContextArchive {
    private ContextArchive() {}

    /** Spools into {@code dir}, which must be empty; the index extracts under {@code dir/tree}. */
    public static ContextIndex spool(InputStream body, Path dir) throws IOException {
        Path content = dir.resolve("content");
        TreeMap<String, ContextEntry> entries = new TreeMap<>();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = new ZeroPaddedStream(decompressed(body)); TarArchiveInputStream tar = new TarArchiveInputStream(in);
                FileChannel out = FileChannel.open(content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                String name = DockerIgnore.clean(entry.getName());
                if (name.equals(".")) {
                    continue;
                }
                if (name.equals("..") || name.startsWith("../") || name.startsWith("/")) {
                    throw new BuildException("invalid build context: entry " + entry.getName() + " is outside the context");
                }
                addParents(entries, name);
                ContextEntry previous = entries.get(name);
                if (previous != null && previous.isDirectory() && !entry.isDirectory() && ContextIndex.hasChildren(entries, name)) {
                    throw new BuildException("invalid build context: " + name + " replaces a directory that has files");
                }
                int mode = entry.getMode() & 07777;
                Instant mtime = entry.getLastModifiedTime().toInstant();
                ContextEntry indexed;
                if (entry.isDirectory()) {
                    indexed = new ContextEntry(ContextEntry.Type.DIRECTORY, mode, mtime, 0, 0, null, null);
                } else if (entry.isSymbolicLink()) {
                    indexed = new ContextEntry(ContextEntry.Type.SYMLINK, 0777, mtime, 0, 0, entry.getLinkName(), null);
                } else if (entry.isLink()) {
                    String linked = DockerIgnore.clean(entry.getLinkName());
                    ContextEntry target = entries.get(linked);
                    if (linked.startsWith("..") || linked.startsWith("/")) {
                        throw new BuildException("invalid build context: hard link " + entry.getName() + " leaves the context");
                    }
                    if (target == null || target.type() != ContextEntry.Type.FILE) {
                        throw new BuildException("invalid build context: hard link " + entry.getName() + " to a missing file " + linked);
                    }
                    indexed = new ContextEntry(ContextEntry.Type.FILE, mode, mtime, target.offset(), target.size(), null, target.sha256());
                } else if (entry.isFile()) {
                    long offset = out.position();
                    MessageDigest sha = Digest.newSha256();
                    for (int n; (n = tar.read(buffer)) > 0; ) {
                        sha.update(buffer, 0, n);
                        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                        while (chunk.hasRemaining()) {
                            out.write(chunk);
                        }
                    }
                    indexed = new ContextEntry(ContextEntry.Type.FILE, mode, mtime, offset, out.position() - offset, null, sha.digest());
                } else {
                    continue;
                }
                entries.put(name, indexed);
            }
        }
        return new ContextIndex(content, dir.resolve("tree"), entries);
    }

    /** Parents the tar did not list become directories; a parent that is a symlink or a file is refused. */
    private static void addParents(TreeMap<String, ContextEntry> entries, String name) throws BuildException {
        for (String parent = ContextIndex.parentOf(name); !parent.isEmpty(); parent = ContextIndex.parentOf(parent)) {
            ContextEntry existing = entries.get(parent);
            if (existing == null) {
                entries.put(parent, ContextEntry.IMPLIED_DIRECTORY);
            } else if (existing.type() == ContextEntry.Type.SYMLINK) {
                throw new BuildException("invalid build context: " + name + " is under a symlink");
            } else if (!existing.isDirectory()) {
                throw new BuildException("invalid build context: " + name + " is under a file");
            }
        }
    }

    /** The tar inside: plain, gzip, bzip2 or xz, recognised by the first bytes as Docker's DetectCompression does. */
    public static InputStream decompressed(InputStream body) throws IOException {
        InputStream raw = new BufferedInputStream(body, 1 << 16);
        raw.mark(8);
        byte[] m = raw.readNBytes(6);
        raw.reset();
        if (m.length >= 2 && (m[0] & 0xff) == 0x1f && (m[1] & 0xff) == 0x8b) {
            return new GZIPInputStream(raw, 1 << 16);
        }
        if (m.length >= 3 && m[0] == 'B' && m[1] == 'Z' && m[2] == 'h') {
            return new BZip2CompressorInputStream(raw);
        }
        if (m.length >= 6 && (m[0] & 0xff) == 0xfd && m[1] == '7' && m[2] == 'z' && m[3] == 'X' && m[4] == 'Z') {
            return new XZCompressorInputStream(raw);
        }
        return raw;
    }
}
