package dev.wharf.build.layer;

import dev.wharf.image.Descriptor;
import dev.wharf.image.Digest;

/** A layer a step produced: its uncompressed digest (for rootfs.diff_ids) and its stored blob. */
public record CommittedLayer(Digest diffId, Descriptor blob) {}
