package dev.wharf.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A {@link BlobStore} on the file system, laid out like containerd's local content store:
 * {@code <root>/blobs/sha256/<hex>} for committed blobs (read-only), {@code <root>/ingest/<random>}
 * for writes in progress. Leftover ingest files from a crash are deleted when the store opens.
 */
public final class FileBlobStore implements BlobStore {
    private final Path blobs;
    private final Path ingest;

    public FileBlobStore(Path root) throws IOException {
        this.blobs = root.resolve("blobs");
        this.ingest = root.resolve("ingest");
        Files.createDirectories(blobs.resolve(Digest.SHA256));
        Files.createDirectories(ingest);
        removeStaleIngests();
    }

    @Override
    public boolean contains(Digest digest) {
        return Files.isRegularFile(location(digest));
    }

    @Override
    public InputStream open(Digest digest) throws IOException {
        try {
            return Files.newInputStream(location(digest));
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(digest);
        }
    }

    @Override
    public Path path(Digest digest) throws BlobNotFoundException {
        Path file = location(digest);
        if (!Files.isRegularFile(file)) {
            throw new BlobNotFoundException(digest);
        }
        return file;
    }

    @Override
    public long size(Digest digest) throws IOException {
        try {
            return Files.size(location(digest));
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(digest);
        }
    }

    @Override
    public Digest ingest(InputStream content, Digest expected, long expectedSize) throws IOException {
        if (expected != null && !expected.algorithm().equals(Digest.SHA256)) {
            throw new DigestMismatchException("unsupported digest algorithm for ingest: " + expected.algorithm());
        }
        Path temp = ingest.resolve(UUID.randomUUID().toString());
        try {
            MessageDigest sha256 = Digest.newSha256();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), sha256)) {
                size = content.transferTo(out);
            }
            Digest actual = Digest.sha256(sha256);
            if (expected != null && expectedSize >= 0 && size != expectedSize) {
                throw DigestMismatchException.size(expected, expectedSize, size);
            }
            if (expected != null && !expected.equals(actual)) {
                throw DigestMismatchException.digest(expected, actual);
            }
            commit(temp, actual);
            return actual;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Digest put(byte[] content) throws IOException {
        Digest digest = Digest.sha256(content);
        if (contains(digest)) {
            return digest;
        }
        return ingest(new java.io.ByteArrayInputStream(content), digest, content.length);
    }

    @Override
    public void delete(Digest digest) throws IOException {
        if (!Files.deleteIfExists(location(digest))) {
            throw new BlobNotFoundException(digest);
        }
    }

    @Override
    public Stream<Digest> list() throws IOException {
        List<Digest> digests = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(blobs.resolve(Digest.SHA256))) {
            for (Path file : files) {
                String hex = file.getFileName().toString();
                if (Digest.isValid(Digest.SHA256 + ":" + hex)) {
                    digests.add(new Digest(Digest.SHA256, hex));
                }
            }
        }
        return digests.stream();
    }

    /** Renames the verified temp file to its address; an existing blob with that address is already identical. */
    private void commit(Path temp, Digest digest) throws IOException {
        Path target = location(digest);
        if (Files.exists(target)) {
            return;
        }
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("r--r--r--"));
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("blob store root spans file systems: " + target, e);
        }
    }

    private Path location(Digest digest) {
        return blobs.resolve(digest.algorithm()).resolve(digest.encoded());
    }

    private void removeStaleIngests() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(ingest)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
    }
}
