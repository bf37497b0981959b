package dev.wharf.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * An {@link ImageStore} on the file system: {@code <root>/images/<config-hex>} holds each image's
 * manifest digest, {@code <root>/parents/<config-hex>} its parent's ID (when it has one),
 * {@code <root>/repositories.json} the references. Everything is loaded at
 * construction and kept in memory; a read-write lock serialises writers within the process.
 */
public final class FileImageStore implements ImageStore {
    static final Comparator<ImageReference> REFERENCE_ORDER = Comparator.comparing(ImageReference::toString);
    private static final Pattern HEX_PREFIX = Pattern.compile("[0-9a-f]{1,64}");

    private final BlobStore blobs;
    private final Path imagesDir;
    private final Path parentsDir;
    private final ReferenceTable table;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<Digest, Image> images = new HashMap<>();
    private final Map<ImageReference, Digest> refs;
    private final Map<Digest, Digest> parents = new HashMap<>();

    public FileImageStore(Path root, BlobStore blobs) throws IOException {
        this.blobs = blobs;
        this.imagesDir = root.resolve("images");
        Files.createDirectories(imagesDir);
        this.parentsDir = root.resolve("parents");
        Files.createDirectories(parentsDir);
        this.table = new ReferenceTable(root.resolve("repositories.json"));
        loadImages();
        loadParents();
        this.refs = table.load();
        // References to images whose records are gone (crash between the two writes) are dropped.
        if (refs.values().removeIf(id -> !images.containsKey(id))) {
            table.save(refs);
        }
    }

    @Override
    public Image create(ImageConfig config, List<Descriptor> layers) throws IOException {
        for (Descriptor layer : layers) {
            if (!blobs.contains(layer.digest())) {
                throw new BlobNotFoundException(layer.digest());
            }
        }
        byte[] configJson = Json.bytes(config);
        Digest configDigest = blobs.put(configJson);
        Manifest manifest = Manifest.oci(Descriptor.of(MediaTypes.OCI_CONFIG, configDigest, configJson.length), layers);
        Digest manifestDigest = blobs.put(Json.bytes(manifest));
        return record(new Image(configDigest, manifestDigest, manifest, config));
    }

    @Override
    public Image add(Digest manifestDigest) throws IOException {
        return record(readImage(manifestDigest));
    }

    @Override
    public Optional<Image> get(Digest imageId) {
        return read(() -> Optional.ofNullable(images.get(imageId)));
    }

    @Override
    public Optional<Image> lookup(String nameOrId) throws IOException {
        return read(() -> Optional.ofNullable(find(nameOrId)));
    }

    /** Docker's GetImage order: a full ID, then a reference, then an unambiguous ID prefix. */
    private Image find(String nameOrId) {
        if (nameOrId == null || nameOrId.isEmpty()) {
            return null;
        }
        if (Digest.isValid(nameOrId)) {
            return images.get(Digest.parse(nameOrId));
        }
        if (nameOrId.length() == 64 && HEX_PREFIX.matcher(nameOrId).matches()) {
            return images.get(new Digest(Digest.SHA256, nameOrId));
        }
        ImageReference ref = ImageReference.parse(nameOrId);
        // As Docker's reference store: with a digest, the tag (if any) is ignored.
        Digest id = refs.get(ref.digest() != null ? ref.nameOnly().withDigest(ref.digest()) : ref);
        if (id != null) {
            return images.get(id);
        }
        if (ref.digest() != null) {
            Image byManifest = findByManifestDigest(ref.digest());
            if (byManifest != null) {
                return byManifest;
            }
        }
        return findByPrefix(nameOrId);
    }

    private Image findByManifestDigest(Digest manifestDigest) {
        return images.values().stream().filter(i -> i.manifestDigest().equals(manifestDigest)).findFirst().orElse(null);
    }

    /** A unique image whose ID starts with the hex (optionally {@code sha256:}-prefixed); ambiguity is no match, as in Docker. */
    private Image findByPrefix(String text) {
        String hex = text.startsWith(Digest.SHA256 + ":") ? text.substring(Digest.SHA256.length() + 1) : text;
        if (!HEX_PREFIX.matcher(hex).matches()) {
            return null;
        }
        Image match = null;
        for (Image image : images.values()) {
            if (image.id().encoded().startsWith(hex)) {
                if (match != null) {
                    return null;
                }
                match = image;
            }
        }
        return match;
    }

    @Override
    public List<Image> list() {
        return read(() -> images.values().stream()
                .sorted(Comparator.comparing((Image i) -> i.id().toString()))
                .toList());
    }

    @Override
    public void tag(ImageReference reference, Digest imageId) throws IOException {
        ImageReference ref = reference.isNameOnly() ? reference.withTag(ImageReference.DEFAULT_TAG) : reference;
        write(() -> {
            if (!images.containsKey(imageId)) {
                throw new ImageNotFoundException(imageId.toString());
            }
            Digest previous = refs.put(ref, imageId);
            if (!imageId.equals(previous)) {
                table.save(refs);
            }
            return null;
        });
    }

    @Override
    public boolean untag(ImageReference reference) throws IOException {
        ImageReference ref = reference.isNameOnly() ? reference.withTag(ImageReference.DEFAULT_TAG) : reference;
        return write(() -> {
            if (refs.remove(ref) == null) {
                return false;
            }
            table.save(refs);
            return true;
        });
    }

    @Override
    public Map<ImageReference, Digest> references() {
        return read(() -> {
            Map<ImageReference, Digest> copy = new LinkedHashMap<>();
            refs.forEach(copy::put);
            return copy;
        });
    }

    @Override
    public List<ImageReference> referencesTo(Digest imageId) {
        return read(() -> refs.entrySet().stream()
                .filter(e -> e.getValue().equals(imageId))
                .map(Map.Entry::getKey)
                .toList());
    }

    @Override
    public void setParent(Digest imageId, Digest parent) throws IOException {
        write(() -> {
            if (!images.containsKey(imageId)) {
                throw new ImageNotFoundException(imageId.toString());
            }
            if (!parent.equals(parents.get(imageId))) {
                AtomicFiles.write(parentsDir.resolve(imageId.encoded()), parent.toString().getBytes(StandardCharsets.US_ASCII));
                parents.put(imageId, parent);
            }
            return null;
        });
    }

    @Override
    public Optional<Digest> parent(Digest imageId) {
        return read(() -> Optional.ofNullable(parents.get(imageId)).filter(images::containsKey));
    }

    @Override
    public List<Digest> children(Digest imageId) {
        return read(() -> parents.entrySet().stream().filter(e -> e.getValue().equals(imageId))
                .map(Map.Entry::getKey).sorted(Comparator.comparing(Digest::toString)).toList());
    }

    @Override
    public void delete(Digest imageId) throws IOException {
        write(() -> {
            Image image = images.get(imageId);
            if (image == null) {
                throw new ImageNotFoundException(imageId.toString());
            }
            List<String> names = refs.entrySet().stream()
                    .filter(e -> e.getValue().equals(imageId)).map(e -> e.getKey().familiarString()).toList();
            if (!names.isEmpty()) {
                throw new ImageException("conflict: unable to delete " + imageId.shortId()
                        + " (must be forced) - image is referenced in multiple repositories: " + String.join(", ", names));
            }
            Files.deleteIfExists(imagesDir.resolve(imageId.encoded()));
            images.remove(imageId);
            Files.deleteIfExists(parentsDir.resolve(imageId.encoded()));
            parents.remove(imageId);
            Set<Digest> stillUsed = new HashSet<>();
            for (Image other : images.values()) {
                stillUsed.add(other.id());
                stillUsed.add(other.manifestDigest());
                other.manifest().layers().forEach(l -> stillUsed.add(l.digest()));
            }
            List<Digest> garbage = new ArrayList<>();
            garbage.add(image.manifestDigest());
            garbage.add(image.id());
            image.manifest().layers().forEach(l -> garbage.add(l.digest()));
            for (Digest digest : garbage) {
                if (!stillUsed.contains(digest) && blobs.contains(digest)) {
                    blobs.delete(digest);
                }
            }
            return null;
        });
    }

    private Image record(Image image) throws IOException {
        return write(() -> {
            if (!images.containsKey(image.id())) {
                AtomicFiles.write(imagesDir.resolve(image.id().encoded()),
                        image.manifestDigest().toString().getBytes(StandardCharsets.US_ASCII));
                images.put(image.id(), image);
            }
            return images.get(image.id());
        });
    }

    private Image readImage(Digest manifestDigest) throws IOException {
        Manifest manifest;
        try (InputStream in = blobs.open(manifestDigest)) {
            manifest = Json.MAPPER.readValue(in, Manifest.class);
        }
        if (manifest.mediaType() != null && !MediaTypes.isManifest(manifest.mediaType())) {
            throw new ImageException("unsupported manifest media type " + manifest.mediaType() + " in " + manifestDigest);
        }
        if (manifest.config() == null) {
            throw new ImageException("manifest " + manifestDigest + " has no config");
        }
        ImageConfig config;
        try (InputStream in = blobs.open(manifest.config().digest())) {
            config = Json.MAPPER.readValue(in, ImageConfig.class);
        }
        return new Image(manifest.config().digest(), manifestDigest, manifest, config);
    }

    private void loadImages() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(imagesDir)) {
            for (Path file : files) {
                String hex = file.getFileName().toString();
                if (!Digest.isValid(Digest.SHA256 + ":" + hex)) {
                    continue; // a temp file left by a crash
                }
                Digest manifestDigest = Digest.parse(Files.readString(file, StandardCharsets.US_ASCII).strip());
                Image image = readImage(manifestDigest);
                images.put(image.id(), image);
            }
        }
    }

    /** Parent links of images that are gone (a crash between the two deletes) are dropped. */
    private void loadParents() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(parentsDir)) {
            for (Path file : files) {
                String hex = file.getFileName().toString();
                if (!Digest.isValid(Digest.SHA256 + ":" + hex)) {
                    continue;
                }
                Digest child = new Digest(Digest.SHA256, hex);
                if (images.containsKey(child)) {
                    parents.put(child, Digest.parse(Files.readString(file, StandardCharsets.US_ASCII).strip()));
                } else {
                    Files.delete(file);
                }
            }
        }
    }

    private <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private interface Locked<T> {
        T run() throws IOException;
    }

    private <T> T write(Locked<T> action) throws IOException {
        lock.writeLock().lock();
        try {
            return action.run();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
