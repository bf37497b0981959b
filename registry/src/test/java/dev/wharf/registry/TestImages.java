package dev.wharf.registry;

import dev.wharf.image.Descriptor;
import dev.wharf.image.Digest;
import dev.wharf.image.Json;
import dev.wharf.image.Manifest;
import dev.wharf.image.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small images for tests: a config and layers pushed to a repository, and the manifest naming them. */
final class TestImages {
    private TestImages() {}

    static byte[] config(String label) {
        return ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Labels\":{\"t\":\"" + label
                + "\"}},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}").getBytes(StandardCharsets.UTF_8);
    }

    /** Pushes config and layers, returns the OCI manifest's bytes (not pushed). */
    static byte[] pushImage(TestRegistry registry, String repository, String label, byte[]... layers) throws Exception {
        byte[] config = config(label);
        Digest configDigest = registry.pushBlob(repository, config);
        List<Descriptor> layerDescriptors = new java.util.ArrayList<>();
        for (byte[] layer : layers) {
            layerDescriptors.add(Descriptor.of(MediaTypes.OCI_LAYER_GZIP, registry.pushBlob(repository, layer), layer.length));
        }
        return Json.bytes(Manifest.oci(Descriptor.of(MediaTypes.OCI_CONFIG, configDigest, config.length), layerDescriptors));
    }
}
