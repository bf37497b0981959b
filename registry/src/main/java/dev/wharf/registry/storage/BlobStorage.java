package dev.wharf.registry.storage;

import dev.wharf.image.Digest;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/** Content-addressed blobs shared by all repositories (a layer pushed to two repositories is stored once). */
public interface BlobStorage {
    /** The blob's size and last use, or empty when it is not stored. */
    Optional<StoredBlob> stat(Digest digest) throws IOException;

    /** The blob's size, or empty when it is not stored. */
    default Optional<Long> size(Digest digest) throws IOException {
        return stat(digest).map(StoredBlob::size);
    }

    /** @throws dev.wharf.registry.errors.RegistryException BLOB_UNKNOWN when absent */
    BlobContent open(Digest digest) throws IOException;

    /** Small content (a manifest) stored whole, verified against its digest. */
    void put(Digest digest, byte[] content) throws IOException;

    byte[] read(Digest digest) throws IOException;

    /**
     * Marks the blob as just used, so a garbage collection running now keeps it even when the
     * manifest that references it is not written yet.
     */
    void touch(Digest digest) throws IOException;

    /** Every stored blob with its last use, for garbage collection. */
    void forEach(Consumer<StoredBlob> action) throws IOException;

    /** Removes the blob if it was not used since {@code unusedSince}; true when removed. */
    boolean deleteIfUnusedSince(Digest digest, Instant unusedSince) throws IOException;

    record StoredBlob(Digest digest, long size, Instant lastUsed) {}
}
