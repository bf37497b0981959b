package dev.wharf.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The image config's {@code rootfs}: the uncompressed layer digests, bottom first. */
public record RootFs(String type, @JsonProperty("diff_ids") List<Digest> diffIds) {
    public RootFs {
        diffIds = diffIds == null ? List.of() : List.copyOf(diffIds);
    }

    public static RootFs layers(List<Digest> diffIds) {
        return new RootFs("layers", diffIds);
    }
}
