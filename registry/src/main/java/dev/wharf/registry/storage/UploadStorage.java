package dev.wharf.registry.storage;

import dev.wharf.image.Digest;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.util.List;

/**
 * Blob upload sessions. A session is durable (it survives a restart of the registry): its bytes so far
 * and its repository are on disk. Bytes are hashed as they arrive; the blob becomes visible only after
 * its digest is verified, in one atomic step.
 */
public interface UploadStorage {
    UploadState start(RepositoryName repository) throws IOException;

    /** @throws dev.wharf.registry.errors.RegistryException BLOB_UPLOAD_UNKNOWN for an unknown id or another repository's */
    UploadState status(RepositoryName repository, String id) throws IOException;

    /**
     * Appends the body at {@code offset} (the current size, or -1 for "wherever it ends now"), reading no
     * more than {@code limit} bytes. An offset other than the current size is RANGE_INVALID and nothing is
     * written; a body that ends early (the connection dropped) keeps what arrived, so the client can resume.
     */
    UploadState append(RepositoryName repository, String id, long offset, ReadableByteChannel body, long limit)
            throws IOException;

    /** Verifies the content against {@code digest} and moves it into blob storage; the session ends either way on success. */
    void commit(RepositoryName repository, String id, Digest digest) throws IOException;

    void cancel(RepositoryName repository, String id) throws IOException;

    /** Every session, for garbage collection of abandoned ones. */
    List<UploadState> list() throws IOException;
}
