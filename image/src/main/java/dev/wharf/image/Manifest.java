package dev.wharf.image;

import java.util.List;
import java.util.Map;

/** An image manifest (OCI image manifest, or the identical shape of Docker schema 2). */
public record Manifest(
        int schemaVersion,
        String mediaType,
        String artifactType,
        Descriptor config,
        List<Descriptor> layers,
        Descriptor subject,
        Map<String, String> annotations) {

    public Manifest {
        layers = layers == null ? List.of() : List.copyOf(layers);
    }

    /** An OCI manifest for the config and layers. */
    public static Manifest oci(Descriptor config, List<Descriptor> layers) {
        return new Manifest(2, MediaTypes.OCI_MANIFEST, null, config, layers, null, null);
    }
}
