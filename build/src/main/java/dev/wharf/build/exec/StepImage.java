package dev.wharf.build.exec;

import dev.wharf.build.image.BuiltImageConfig;
import dev.wharf.image.Descriptor;
import dev.wharf.image.Digest;
import java.util.List;

/**
 * The image a stage is at after a step: its ID (null for {@code scratch} before the first step), its
 * config as the builder reads and writes it, and its layer blobs (bottom first, matching rootfs.diff_ids).
 */
public record StepImage(Digest id, BuiltImageConfig config, List<Descriptor> layers) {
    public StepImage {
        layers = List.copyOf(layers);
    }

    public List<Digest> diffIds() {
        return config.rootfs() == null ? List.of() : config.rootfs().diffIds();
    }
}
