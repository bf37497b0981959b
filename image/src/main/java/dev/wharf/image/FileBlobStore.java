package dev.wharf.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
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
    private static final int COPY_BUFFER = 256 * 1024;

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
        try (BlobWriter writer = writer(expected, expectedSize)) {
            byte[] buffer = new byte[COPY_BUFFER];
            int n;
            while ((n = content.read(buffer)) >= 0) {
                writer.write(buffer, 0, n);
            }
            return writer.commit();
        }
    }

    @Override
    public BlobWriter writer(Digest expected, long expectedSize) throws IOException {
        if (expected != null && !expected.algorithm().equals(Digest.SHA256)) {
            throw new DigestMismatchException("unsupported digest algorithm for ingest: " + expected.algorithm());
        }
        return new FileBlobWriter(ingest.resolve(UUID.randomUUID().toString()), expected, expectedSize);
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

    /** Writes to {@code ingest/<random>}, renamed to its address by a verified commit, deleted otherwise. */
    private final class FileBlobWriter extends BlobWriter {
        private final Path temp;
        private final FileChannel channel;
        private final MessageDigest sha256 = Digest.newSha256();
        private final Digest expected;
        private final long expectedSize;
        private long size;
        private Digest actual;

        FileBlobWriter(Path temp, Digest expected, long expectedSize) throws IOException {
            this.temp = temp;
            this.channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            this.expected = expected;
            this.expectedSize = expectedSize;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (actual != null) {
                throw new IOException("blob writer already verified");
            }
            size += length;
            if (expected != null && expectedSize >= 0 && size > expectedSize) {
                throw DigestMismatchException.size(expected, expectedSize, size); // no need to read the rest
            }
            sha256.update(bytes, offset, length);
            ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }

        @Override
        public void verify() throws DigestMismatchException {
            if (actual == null) {
                actual = Digest.sha256(sha256);
            }
            if (expected != null && expectedSize >= 0 && size != expectedSize) {
                throw DigestMismatchException.size(expected, expectedSize, size);
            }
            if (expected != null && !expected.equals(actual)) {
                throw DigestMismatchException.digest(expected, actual);
            }
        }

        @Override
        public Digest commit() throws IOException {
            verify();
            channel.close();
            publish(temp, actual);
            return actual;
        }

        @Override
        public void close() throws IOException {
            try {
                channel.close();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Renames the verified temp file to its address; an existing blob with that address is already identical. */
    private void publish(Path temp, Digest digest) throws IOException {
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
