package dev.wharf.registry.storage.fs;

import dev.wharf.image.Digest;
import dev.wharf.registry.errors.ErrorCode;
import dev.wharf.registry.errors.RegistryException;
import dev.wharf.registry.storage.BlobContent;
import dev.wharf.registry.storage.BlobStorage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/** Blobs as {@code <root>/<algorithm>/<hex>} files; the modification time records the last use. */
final class FsBlobStorage implements BlobStorage {
    private final Path root;
    private final SmallFiles files;

    FsBlobStorage(Path root, SmallFiles files) throws IOException {
        this.root = root;
        this.files = files;
        Files.createDirectories(root.resolve(Digest.SHA256));
        Files.createDirectories(root.resolve(Digest.SHA512));
    }

    @Override
    public Optional<StoredBlob> stat(Digest digest) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(location(digest), BasicFileAttributes.class);
            return Optional.of(new StoredBlob(digest, attributes.size(), attributes.lastModifiedTime().toInstant()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public BlobContent open(Digest digest) throws IOException {
        try {
            FileChannel channel = FileChannel.open(location(digest), StandardOpenOption.READ);
            return new BlobContent.LocalFile(channel, channel.size());
        } catch (NoSuchFileException e) {
            throw new RegistryException(ErrorCode.BLOB_UNKNOWN, "blob unknown to registry: " + digest);
        }
    }

    @Override
    public void put(Digest digest, byte[] content) throws IOException {
        Path target = location(digest);
        if (Files.exists(target)) {
            touch(digest);
            return;
        }
        files.write(target, content);
    }

    @Override
    public byte[] read(Digest digest) throws IOException {
        try {
            return Files.readAllBytes(location(digest));
        } catch (NoSuchFileException e) {
            throw new RegistryException(ErrorCode.BLOB_UNKNOWN, "blob unknown to registry: " + digest);
        }
    }

    @Override
    public void touch(Digest digest) throws IOException {
        try {
            Files.setLastModifiedTime(location(digest), FileTime.from(Instant.now()));
        } catch (NoSuchFileException e) {
            // absent: nothing to keep
        }
    }

    @Override
    public void forEach(Consumer<StoredBlob> action) throws IOException {
        for (String algorithm : SmallFiles.names(root)) {
            Path dir = root.resolve(algorithm);
            for (String hex : SmallFiles.names(dir)) {
                if (!Digest.isValid(algorithm + ":" + hex)) {
                    continue;
                }
                stat(new Digest(algorithm, hex)).ifPresent(action); // absent: removed meanwhile
            }
        }
    }

    @Override
    public boolean deleteIfUnusedSince(Digest digest, Instant unusedSince) throws IOException {
        Path file = location(digest);
        try {
            if (!Files.getLastModifiedTime(file).toInstant().isBefore(unusedSince)) {
                return false;
            }
            return Files.deleteIfExists(file);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /**
     * Moves a verified file into place. Replacing an existing copy (same bytes) rather than skipping it
     * leaves a freshly used file even if a garbage collection is deciding about the old one right now.
     */
    void adopt(Path verified, Digest digest) throws IOException {
        Files.move(verified, location(digest), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private Path location(Digest digest) {
        return root.resolve(digest.algorithm()).resolve(digest.encoded());
    }
}
