package dev.wharf.registry.api;

/**
 * What the API allows: deletes (of manifests, tags and blob links) only when enabled, no writes at all
 * in read-only mode, and the largest manifest and blob accepted.
 */
public record ApiPolicy(boolean deleteEnabled, boolean readOnly, int maxManifestBytes, long maxBlobBytes) {
    public static final int DEFAULT_MAX_MANIFEST_BYTES = 4 << 20;

    public static ApiPolicy defaults() {
        return new ApiPolicy(false, false, DEFAULT_MAX_MANIFEST_BYTES, Long.MAX_VALUE);
    }
}
