package dev.wharf.build.context;

import dev.wharf.build.BuildException;
import dev.wharf.image.Digest;
import dev.wharf.linux.Syscalls;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Unpacks the build context a client sent (a tar, plain or gzip/bzip2/xz compressed) into a directory.
 * No entry can land outside it: names with {@code ..} beyond the root and links to outside are refused,
 * and nothing is written through a symlink. Modes and mtimes are kept; owners are not needed (COPY
 * writes root unless --chown). Each file is hashed as it is written ({@link ContentHashes}).
 */
public final class ContextArchive {
    private ContextArchive() {}

    /** Unpacks into {@code dir}; returns the content hash of every regular file, taken on the way. */
    public static ContentHashes unpack(InputStream body, Path dir) throws IOException {
        Map<String, byte[]> hashes = new HashMap<>();
        try (InputStream in = new ZeroPaddedStream(decompressed(body)); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                String name = DockerIgnore.clean(entry.getName());
                if (name.equals(".") || name.equals("..") || name.startsWith("../") || name.startsWith("/")) {
                    if (name.equals(".")) {
                        continue;
                    }
                    throw new BuildException("invalid build context: entry " + entry.getName() + " is outside the context");
                }
                Path target = dir.resolve(name);
                ensureParent(dir, target);
                hashes.remove(name);
                if (entry.isDirectory()) {
                    if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                        Files.deleteIfExists(target);
                        Files.createDirectory(target);
                    }
                } else if (entry.isSymbolicLink()) {
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    String linked = DockerIgnore.clean(entry.getLinkName());
                    if (linked.startsWith("..") || linked.startsWith("/")) {
                        throw new BuildException("invalid build context: hard link " + entry.getName() + " leaves the context");
                    }
                    Files.deleteIfExists(target);
                    Files.createLink(target, dir.resolve(linked));
                    if (hashes.containsKey(linked)) {
                        hashes.put(name, hashes.get(linked));
                    }
                } else if (entry.isFile()) {
                    hashes.put(name, write(tar, target));
                } else {
                    continue; // devices and FIFOs have no place in a build context
                }
                if (!entry.isSymbolicLink()) {
                    Syscalls.chmod(target, entry.getMode() & 07777);
                }
                Syscalls.setTimes(target, entry.getLastModifiedTime().toInstant());
            }
        }
        return new ContentHashes(hashes);
    }

    /** Writes the entry's content to a new file and returns its SHA-256. */
    private static byte[] write(InputStream content, Path target) throws IOException {
        Files.deleteIfExists(target);
        MessageDigest sha = Digest.newSha256();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), sha)) {
            content.transferTo(out);
        }
        return sha.digest();
    }

    /** Creates missing parents as plain directories; a parent that is a symlink is refused. */
    private static void ensureParent(Path root, Path target) throws IOException {
        Path parent = target.getParent();
        Path current = root;
        for (Path part : root.relativize(parent)) {
            current = current.resolve(part);
            if (Files.isSymbolicLink(current)) {
                throw new BuildException("invalid build context: " + root.relativize(target) + " is under a symlink");
            }
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(current);
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
