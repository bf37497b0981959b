package dev.wharf.image.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.image.BlobStore;
import dev.wharf.image.Compression;
import dev.wharf.image.Descriptor;
import dev.wharf.image.Digest;
import dev.wharf.image.DigestMismatchException;
import dev.wharf.image.Image;
import dev.wharf.image.ImageConfig;
import dev.wharf.image.ImageIndex;
import dev.wharf.image.ImageReference;
import dev.wharf.image.ImageStore;
import dev.wharf.image.InvalidReferenceException;
import dev.wharf.image.Json;
import dev.wharf.image.LayerUnpacker;
import dev.wharf.image.Manifest;
import dev.wharf.image.MediaTypes;
import dev.wharf.image.Platform;
import dev.wharf.image.remote.PlatformMatcher;
import dev.wharf.image.remote.ProgressInputStream;
import dev.wharf.image.remote.TransferProgress;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * {@code docker load}: reads a docker-archive ({@code manifest.json}, legacy {@code <id>/layer.tar} or
 * {@code blobs/…}) or a plain OCI image layout ({@code index.json}), plain or gzip. Files stream straight
 * into the blob store (those under {@code blobs/} verified against their names), nothing is written
 * elsewhere, so no entry can reach outside. Layers are unpacked (diff IDs verified) before an image is
 * recorded; on any failure the blobs this load added are removed again.
 */
public final class ImageArchiveReader {
    private static final Pattern BLOB_PATH = Pattern.compile("blobs/sha256/[0-9a-f]{64}");
    private static final Set<String> DOCUMENTS = Set.of("manifest.json", "index.json", "repositories", "oci-layout");
    private static final int DOCUMENT_LIMIT = 16 << 20;

    private final BlobStore blobs;
    private final ImageStore images;
    private final LayerUnpacker unpacker;

    public ImageArchiveReader(BlobStore blobs, ImageStore images, LayerUnpacker unpacker) {
        this.blobs = blobs;
        this.images = images;
        this.unpacker = unpacker;
    }

    /** A loaded image and the names it was given. */
    public record Loaded(Image image, List<ImageReference> tags) {}

    /**
     * Loads the archive; each layer that has to be unpacked reports its bytes to {@code progress} as
     * Docker's "Loading layer" (by short diff ID), once the whole archive has been read.
     */
    public List<Loaded> load(InputStream archive, TransferProgress progress) throws IOException {
        Contents contents = new Contents();
        try {
            read(archive, contents);
            return contents.documents.containsKey("manifest.json")
                    ? loadDockerArchive(contents, progress) : loadOciLayout(contents, progress);
        } catch (IOException | RuntimeException e) {
            removeAdded(contents.added);
            if (e instanceof InvalidArchiveException || e instanceof InvalidReferenceException) {
                throw e;
            }
            throw new InvalidArchiveException("invalid archive: " + (e.getMessage() != null ? e.getMessage() : e), e);
        }
    }

    /** What the archive held: its small JSON documents and, for every other file, the digest it is stored under. */
    private static final class Contents {
        final Map<String, byte[]> documents = new HashMap<>();
        final Map<String, Digest> files = new HashMap<>();
        final Map<String, String> links = new HashMap<>();
        final Set<Digest> added = new HashSet<>();

        Digest file(String path) throws InvalidArchiveException {
            String target = path;
            for (int hops = 0; links.containsKey(target) && hops < 16; hops++) {
                target = links.get(target);
            }
            Digest digest = files.get(target);
            if (digest == null) {
                throw new InvalidArchiveException("invalid archive: " + path + " is missing");
            }
            return digest;
        }
    }

    private void read(InputStream archive, Contents contents) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(Compression.detect(archive).decompressed());
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            String name = normalise(entry.getName());
            if (entry.isSymbolicLink()) {
                contents.links.put(name, resolveLink(name, entry.getLinkName()));
            } else if (entry.isFile()) {
                if (DOCUMENTS.contains(name)) {
                    byte[] bytes = tar.readNBytes(DOCUMENT_LIMIT + 1);
                    if (bytes.length > DOCUMENT_LIMIT) {
                        throw new InvalidArchiveException("invalid archive: " + name + " is too large");
                    }
                    contents.documents.put(name, bytes);
                } else if (!name.endsWith("/json") && !name.endsWith("/VERSION")) {
                    Digest expected = BLOB_PATH.matcher(name).matches()
                            ? new Digest(Digest.SHA256, name.substring("blobs/sha256/".length())) : null;
                    contents.files.put(name, ingest(tar, expected, entry.getSize(), contents.added));
                }
            }
        }
    }

    private Digest ingest(InputStream in, Digest expected, long size, Set<Digest> added) throws IOException {
        if (expected != null && blobs.contains(expected)) {
            in.skip(size);
            return expected;
        }
        try {
            Digest digest = blobs.ingest(in, expected, size);
            added.add(digest);
            return digest;
        } catch (DigestMismatchException e) {
            throw new InvalidArchiveException("invalid archive: " + e.getMessage(), e);
        }
    }

    private List<Loaded> loadDockerArchive(Contents contents, TransferProgress progress) throws IOException {
        List<Loaded> loaded = new ArrayList<>();
        List<Digest> ociManifests = ociManifests(contents);
        for (JsonNode item : Json.MAPPER.readTree(contents.documents.get("manifest.json"))) {
            Digest configDigest = contents.file(normalise(item.path("Config").asText()));
            List<Digest> layers = new ArrayList<>();
            for (JsonNode layer : item.path("Layers")) {
                layers.add(contents.file(normalise(layer.asText())));
            }
            Digest manifestDigest = matchingManifest(ociManifests, configDigest, layers);
            if (manifestDigest == null) {
                manifestDigest = writeManifest(configDigest, layers, contents.added);
            }
            List<ImageReference> tags = new ArrayList<>();
            for (JsonNode tag : item.path("RepoTags")) {
                tags.add(ImageReference.parse(tag.asText()));
            }
            loaded.add(record(manifestDigest, tags, progress));
        }
        return loaded;
    }

    private List<Loaded> loadOciLayout(Contents contents, TransferProgress progress) throws IOException {
        byte[] indexBytes = contents.documents.get("index.json");
        if (indexBytes == null) {
            throw new InvalidArchiveException("invalid archive: it has neither manifest.json nor index.json");
        }
        List<Loaded> loaded = new ArrayList<>();
        for (Descriptor descriptor : Json.read(indexBytes, ImageIndex.class).manifests()) {
            Digest manifest = platformManifest(descriptor);
            String name = descriptor.annotations() == null ? null : descriptor.annotations().get("io.containerd.image.name");
            List<ImageReference> tags = name == null ? List.of() : List.of(ImageReference.parse(name));
            loaded.add(record(manifest, tags, progress));
        }
        return loaded;
    }

    private Digest platformManifest(Descriptor descriptor) throws IOException {
        if (!MediaTypes.isIndex(descriptor.mediaType())) {
            return descriptor.digest();
        }
        ImageIndex nested;
        try (InputStream in = blobs.open(descriptor.digest())) {
            nested = Json.MAPPER.readValue(in, ImageIndex.class);
        }
        return PlatformMatcher.select(nested, Platform.host()).map(Descriptor::digest).orElseThrow(
                () -> new InvalidArchiveException("invalid archive: no manifest for " + PlatformMatcher.format(Platform.host())));
    }

    /** The manifests index.json lists (Docker 25+ archives), so a load keeps the saved manifest digest. */
    private List<Digest> ociManifests(Contents contents) throws IOException {
        byte[] indexBytes = contents.documents.get("index.json");
        if (indexBytes == null) {
            return List.of();
        }
        List<Digest> manifests = new ArrayList<>();
        for (Descriptor descriptor : Json.read(indexBytes, ImageIndex.class).manifests()) {
            if (MediaTypes.isManifest(descriptor.mediaType()) && blobs.contains(descriptor.digest())) {
                manifests.add(descriptor.digest());
            }
        }
        return manifests;
    }

    private Digest matchingManifest(List<Digest> candidates, Digest config, List<Digest> layers) throws IOException {
        for (Digest candidate : candidates) {
            Manifest manifest;
            try (InputStream in = blobs.open(candidate)) {
                manifest = Json.MAPPER.readValue(in, Manifest.class);
            }
            if (manifest.config() != null && manifest.config().digest().equals(config)
                    && manifest.layers().stream().map(Descriptor::digest).toList().equals(layers)) {
                return candidate;
            }
        }
        return null;
    }

    /** An OCI manifest for a legacy entry: the config blob unchanged (so the image ID is kept), each layer's media type from its bytes. */
    private Digest writeManifest(Digest config, List<Digest> layers, Set<Digest> added) throws IOException {
        List<Descriptor> descriptors = new ArrayList<>();
        for (Digest layer : layers) {
            descriptors.add(Descriptor.of(layerMediaType(layer), layer, blobs.size(layer)));
        }
        Manifest manifest = Manifest.oci(Descriptor.of(MediaTypes.OCI_CONFIG, config, blobs.size(config)), descriptors);
        byte[] bytes = Json.bytes(manifest);
        boolean existed = blobs.contains(Digest.sha256(bytes));
        Digest digest = blobs.put(bytes);
        if (!existed) {
            added.add(digest);
        }
        return digest;
    }

    private String layerMediaType(Digest layer) throws IOException {
        try (InputStream in = blobs.open(layer)) {
            return switch (Compression.detect(in).compression()) {
                case GZIP -> MediaTypes.OCI_LAYER_GZIP;
                case ZSTD -> MediaTypes.OCI_LAYER_ZSTD;
                default -> MediaTypes.OCI_LAYER_TAR;
            };
        }
    }

    /** Unpacks the layers (each verified against the config's diff ID), then records the image and its tags. */
    private Loaded record(Digest manifestDigest, List<ImageReference> tags, TransferProgress progress)
            throws IOException {
        Manifest manifest;
        try (InputStream in = blobs.open(manifestDigest)) {
            manifest = Json.MAPPER.readValue(in, Manifest.class);
        }
        ImageConfig config;
        try (InputStream in = blobs.open(manifest.config().digest())) {
            config = Json.MAPPER.readValue(in, ImageConfig.class);
        }
        List<Digest> diffIds = config.rootfs() == null ? List.of() : config.rootfs().diffIds();
        if (diffIds.size() != manifest.layers().size()) {
            throw new InvalidArchiveException("invalid archive: " + manifest.layers().size() + " layers for "
                    + diffIds.size() + " diff IDs");
        }
        for (int i = 0; i < diffIds.size(); i++) {
            Digest diffId = diffIds.get(i);
            Digest blob = manifest.layers().get(i).digest();
            if (!unpacker.has(diffId)) {
                try (InputStream in = new ProgressInputStream(blobs.open(blob), progress, diffId.shortId(),
                        "Loading layer", blobs.size(blob))) {
                    unpacker.unpack(diffId, in);
                }
            }
        }
        Image image = images.add(manifestDigest);
        for (ImageReference tag : tags) {
            images.tag(tag, image.id());
        }
        return new Loaded(image, tags);
    }

    private void removeAdded(Set<Digest> added) throws IOException {
        Set<Digest> used = new HashSet<>();
        for (Image image : images.list()) {
            used.add(image.id());
            used.add(image.manifestDigest());
            image.manifest().layers().forEach(l -> used.add(l.digest()));
        }
        for (Digest digest : added) {
            if (!used.contains(digest) && blobs.contains(digest)) {
                blobs.delete(digest);
            }
        }
    }

    private static String normalise(String name) {
        String n = name;
        while (n.startsWith("./") || n.startsWith("/")) {
            n = n.substring(n.startsWith("./") ? 2 : 1);
        }
        return n;
    }

    /** A link's target as an archive path: relative targets are relative to the link's directory. */
    private static String resolveLink(String link, String target) {
        if (target.startsWith("/")) {
            return normalise(target);
        }
        int slash = link.lastIndexOf('/');
        String dir = slash < 0 ? "" : link.substring(0, slash + 1);
        List<String> parts = new ArrayList<>();
        for (String part : (dir + target).split("/")) {
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.removeLast();
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }
}
