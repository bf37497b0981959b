package dev.wharf.registry;

import dev.wharf.image.Descriptor;
import dev.wharf.image.Digest;
import dev.wharf.image.ImageIndex;
import dev.wharf.image.Json;
import dev.wharf.image.Manifest;
import dev.wharf.image.MediaTypes;
import dev.wharf.image.TarWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Writes OCI image layouts for the interop tests: one busybox layer made from the host's static busybox. */
final class OciLayouts {
    private OciLayouts() {}

    /** A layout at {@code dir} with the image tagged {@code tag}; returns the manifest's digest. */
    static Digest busybox(Path dir, String tag) throws IOException {
        ByteArrayOutputStream layer = new ByteArrayOutputStream();
        try (TarWriter tar = new TarWriter(new GZIPOutputStream(layer), Instant.EPOCH)) {
            tar.directory("bin/", 0755).file("bin/busybox", 0755, Files.readAllBytes(Path.of("/bin/busybox")));
            tar.finish();
        }
        byte[] layerBytes = layer.toByteArray();
        Digest layerDigest = Digest.sha256(layerBytes);
        Digest diffId = Digest.sha256(new GZIPInputStream(new ByteArrayInputStream(layerBytes)).readAllBytes());
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"/bin/busybox\",\"sh\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + diffId + "\"]}}").getBytes(StandardCharsets.UTF_8);
        Path blobs = Files.createDirectories(dir.resolve("blobs/sha256"));
        Digest configDigest = write(blobs, config);
        write(blobs, layerBytes);
        byte[] manifest = Json.bytes(Manifest.oci(Descriptor.of(MediaTypes.OCI_CONFIG, configDigest, config.length),
                List.of(Descriptor.of(MediaTypes.OCI_LAYER_GZIP, layerDigest, layerBytes.length))));
        Digest manifestDigest = write(blobs, manifest);
        Descriptor entry = new Descriptor(MediaTypes.OCI_MANIFEST, manifestDigest, manifest.length, null,
                Map.of("org.opencontainers.image.ref.name", tag), null, null);
        Files.write(dir.resolve("index.json"), Json.bytes(new ImageIndex(2, MediaTypes.OCI_INDEX, null, List.of(entry), null, null)));
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        return manifestDigest;
    }

    private static Digest write(Path blobs, byte[] content) throws IOException {
        Digest digest = Digest.sha256(content);
        Files.write(blobs.resolve(digest.encoded()), content);
        return digest;
    }
}
