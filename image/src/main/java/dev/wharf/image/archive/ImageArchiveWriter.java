package dev.wharf.image.archive;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.image.BlobStore;
import dev.wharf.image.Descriptor;
import dev.wharf.image.Digest;
import dev.wharf.image.Image;
import dev.wharf.image.ImageReference;
import dev.wharf.image.Json;
import dev.wharf.image.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * {@code docker save} as Docker 25+ writes it: an OCI image layout ({@code oci-layout}, {@code index.json},
 * {@code blobs/sha256/…}) that is also a docker-archive ({@code manifest.json} and {@code repositories}
 * pointing into the same blobs). Blobs are streamed from the store, each once, never held in memory.
 */
public final class ImageArchiveWriter {
    private final BlobStore blobs;

    public ImageArchiveWriter(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** An image to save and the names it is saved under (none: saved by ID). */
    public record Entry(Image image, List<ImageReference> tags) {}

    public void write(List<Entry> entries, OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        directory(tar, "blobs/");
        directory(tar, "blobs/sha256/");
        Set<Digest> written = new LinkedHashSet<>();
        for (Entry entry : entries) {
            Image image = entry.image();
            for (Descriptor layer : image.manifest().layers()) {
                blob(tar, layer.digest(), written);
            }
            blob(tar, image.id(), written);
            blob(tar, image.manifestDigest(), written);
        }
        file(tar, "index.json", Json.bytes(index(entries)));
        file(tar, "manifest.json", Json.bytes(manifest(entries)));
        file(tar, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        file(tar, "repositories", Json.bytes(repositories(entries)));
        tar.finish();
        tar.flush();
    }

    private ObjectNode index(List<Entry> entries) throws IOException {
        ObjectNode index = Json.MAPPER.createObjectNode().put("schemaVersion", 2).put("mediaType", MediaTypes.OCI_INDEX);
        ArrayNode manifests = index.putArray("manifests");
        for (Entry entry : entries) {
            Image image = entry.image();
            String mediaType = image.manifest().mediaType() != null ? image.manifest().mediaType() : MediaTypes.OCI_MANIFEST;
            long size = blobs.size(image.manifestDigest());
            if (entry.tags().isEmpty()) {
                manifests.addObject().put("mediaType", mediaType).put("digest", image.manifestDigest().toString())
                        .put("size", size);
            }
            for (ImageReference tag : entry.tags()) {
                ObjectNode descriptor = manifests.addObject().put("mediaType", mediaType)
                        .put("digest", image.manifestDigest().toString()).put("size", size);
                descriptor.putObject("annotations").put("io.containerd.image.name", tag.toString())
                        .put("org.opencontainers.image.ref.name", tag.tag());
            }
        }
        return index;
    }

    private static ArrayNode manifest(List<Entry> entries) {
        ArrayNode manifest = Json.MAPPER.createArrayNode();
        for (Entry entry : entries) {
            ObjectNode item = manifest.addObject().put("Config", path(entry.image().id()));
            ArrayNode tags = item.putArray("RepoTags");
            entry.tags().forEach(t -> tags.add(t.familiarString()));
            ArrayNode layers = item.putArray("Layers");
            entry.image().manifest().layers().forEach(l -> layers.add(path(l.digest())));
        }
        return manifest;
    }

    /** The legacy {@code repositories} file: name → tag → top layer ID. */
    private static ObjectNode repositories(List<Entry> entries) {
        ObjectNode repositories = Json.MAPPER.createObjectNode();
        for (Entry entry : entries) {
            List<Descriptor> layers = entry.image().manifest().layers();
            if (layers.isEmpty()) {
                continue;
            }
            String top = layers.getLast().digest().encoded();
            for (ImageReference tag : entry.tags()) {
                ObjectNode repo = repositories.has(tag.familiarName()) ? (ObjectNode) repositories.get(tag.familiarName())
                        : repositories.putObject(tag.familiarName());
                repo.put(tag.tag(), top);
            }
        }
        return repositories;
    }

    static String path(Digest digest) {
        return "blobs/" + digest.algorithm() + "/" + digest.encoded();
    }

    private void blob(TarArchiveOutputStream tar, Digest digest, Set<Digest> written) throws IOException {
        if (!written.add(digest)) {
            return;
        }
        TarArchiveEntry entry = new TarArchiveEntry(path(digest), true);
        entry.setSize(blobs.size(digest));
        entry.setMode(0444);
        entry.setModTime(0);
        tar.putArchiveEntry(entry);
        try (InputStream in = blobs.open(digest)) {
            in.transferTo(tar);
        }
        tar.closeArchiveEntry();
    }

    private static void directory(TarArchiveOutputStream tar, String name) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setMode(0755);
        entry.setModTime(0);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(content.length);
        entry.setMode(0644);
        entry.setModTime(0);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }
}
