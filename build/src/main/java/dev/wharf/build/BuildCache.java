package dev.wharf.build;

import dev.wharf.image.Digest;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The classic builder's cache: a step's key (its parent and what it does) → the image it produced. */
public interface BuildCache {
    Optional<Digest> lookup(Digest key) throws IOException;

    void record(Digest key, Digest imageId) throws IOException;

    /** Forgets every entry (build prune); returns what went, as {@code /build/prune} reports it. */
    Cleared clear() throws IOException;

    /** The entries forgotten (their IDs: the hex of their keys) and the bytes that freed. */
    record Cleared(List<String> ids, long bytes) {}
}
