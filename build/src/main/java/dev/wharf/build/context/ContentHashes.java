package dev.wharf.build.context;

import java.util.Map;
import java.util.Optional;

/**
 * The SHA-256 of each regular file of an unpacked context, by its name in the context, computed while the
 * request's tar was written to disk: the cache keys of COPY/ADD need them and the files are not read again.
 */
public record ContentHashes(Map<String, byte[]> byName) {
    public static final ContentHashes NONE = new ContentHashes(Map.of());

    public ContentHashes {
        byName = Map.copyOf(byName);
    }

    Optional<byte[]> of(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
