package dev.wharf.image;

import java.util.List;
import java.util.Map;

/** An OCI content descriptor: what a blob is, where it is (digest) and how big. */
public record Descriptor(
        String mediaType,
        Digest digest,
        long size,
        List<String> urls,
        Map<String, String> annotations,
        Platform platform,
        String artifactType) {

    public static Descriptor of(String mediaType, Digest digest, long size) {
        return new Descriptor(mediaType, digest, size, null, null, null, null);
    }
}
