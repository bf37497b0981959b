package dev.wharf.image;

/** An image as stored: its ID (config digest), manifest and config. */
public record Image(Digest id, Digest manifestDigest, Manifest manifest, ImageConfig config) {
    /** Sum of the layer blob sizes, as Docker reports "Size". */
    public long size() {
        return manifest.layers().stream().mapToLong(Descriptor::size).sum();
    }
}
