package dev.wharf.build;

import dev.wharf.image.Digest;
import java.io.IOException;
import java.util.Optional;

/** The classic builder's cache: a step's key (its parent and what it does) → the image it produced. */
public interface BuildCache {
    Optional<Digest> lookup(Digest key) throws IOException;

    void record(Digest key, Digest imageId) throws IOException;

    /** Forgets every entry (build prune); returns how many there were. */
    int clear() throws IOException;
}
