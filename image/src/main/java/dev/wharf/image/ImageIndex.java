package dev.wharf.image;

import java.util.List;
import java.util.Map;

/** An OCI image index or a Docker manifest list: manifests for several platforms. */
public record ImageIndex(
        int schemaVersion,
        String mediaType,
        String artifactType,
        List<Descriptor> manifests,
        Descriptor subject,
        Map<String, String> annotations) {

    public ImageIndex {
        manifests = manifests == null ? List.of() : List.copyOf(manifests);
    }
}
