package dev.wharf.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Content-addressable storage of blobs (layers, configs, manifests), keyed by digest.
 *
 * <p>Ingest is atomic and verified: bytes go to a temporary file, the digest (and size, when known) is
 * checked, and only then is the file renamed to its address. Until then nothing is visible through
 * {@link #contains} or {@link #open}. A crash mid-ingest leaves only a temporary file, removed on open.
 */
public interface BlobStore {
    boolean contains(Digest digest);

    /** @throws BlobNotFoundException when the blob is absent */
    InputStream open(Digest digest) throws IOException;

    /** The blob's file, for readers that want random access or a zero-copy send. */
    Path path(Digest digest) throws BlobNotFoundException;

    long size(Digest digest) throws IOException;

    /**
     * Stores the stream's bytes; when {@code expected} is non-null the content must hash to it
     * (and be {@code expectedSize} long when that is not negative), else nothing is stored and
     * {@link DigestMismatchException} is thrown.
     */
    Digest ingest(InputStream content, Digest expected, long expectedSize) throws IOException;

    /**
     * Starts a blob whose bytes the caller writes; it is stored only by a verified {@link BlobWriter#commit}
     * (with {@link #ingest}'s checks) and discarded by a close without one.
     */
    BlobWriter writer(Digest expected, long expectedSize) throws IOException;

    /** Stores small content such as a manifest or a config; returns its sha256 digest. */
    Digest put(byte[] content) throws IOException;

    void delete(Digest digest) throws IOException;

    Stream<Digest> list() throws IOException;
}
