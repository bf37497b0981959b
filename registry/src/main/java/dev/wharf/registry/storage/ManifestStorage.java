package dev.wharf.registry.storage;

import dev.wharf.image.Digest;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Per-repository state: which blobs a repository may serve, its manifests (content lives in
 * {@link BlobStorage}), tags and the referrers index of the subject field.
 */
public interface ManifestStorage {
    boolean hasBlob(RepositoryName repository, Digest digest) throws IOException;

    void linkBlob(RepositoryName repository, Digest digest) throws IOException;

    /** True when the link existed. */
    boolean unlinkBlob(RepositoryName repository, Digest digest) throws IOException;

    /** Records a stored manifest in the repository; {@code subject} (or null) feeds the referrers index. */
    void putManifest(RepositoryName repository, Digest digest, String mediaType, Digest subject) throws IOException;

    /** The manifest's media type, or empty when the repository has no such manifest. */
    Optional<String> manifestMediaType(RepositoryName repository, Digest digest) throws IOException;

    /** Removes the manifest, every tag pointing at it and its referrers entry; false when absent. */
    boolean deleteManifest(RepositoryName repository, Digest digest, Digest subject) throws IOException;

    void tag(RepositoryName repository, String tag, Digest digest) throws IOException;

    Optional<Digest> resolveTag(RepositoryName repository, String tag) throws IOException;

    boolean deleteTag(RepositoryName repository, String tag) throws IOException;

    /** Tags in lexical order; empty when the repository does not exist. */
    Optional<List<String>> tags(RepositoryName repository) throws IOException;

    List<Digest> manifests(RepositoryName repository) throws IOException;

    /** Digests of manifests in the repository whose subject is {@code subject}. */
    List<Digest> referrers(RepositoryName repository, Digest subject) throws IOException;

    /** Repositories holding at least one manifest or blob, in lexical order. */
    List<RepositoryName> repositories() throws IOException;

    /** Every blob linked into the repository, for garbage collection. */
    List<Digest> linkedBlobs(RepositoryName repository) throws IOException;
}
