package dev.wharf.image.remote;

import dev.wharf.image.BlobStore;
import dev.wharf.image.Descriptor;
import dev.wharf.image.Digest;
import dev.wharf.image.Image;
import dev.wharf.image.ImageReference;
import dev.wharf.image.ImageStore;
import dev.wharf.image.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * {@code docker push}: uploads the layers the registry lacks (HEAD first; a cross-repository mount when
 * another repository of the same registry holds the blob; else streamed from the blob store), in
 * parallel with a bounded fan-out, then the config and the manifest, byte for byte, so the digest the
 * registry reports is the local manifest's. The pushed digest is recorded as a RepoDigest.
 */
public final class ImagePusher {
    private final RegistryHttp http;
    private final RegistryHosts hosts;
    private final BlobStore blobs;
    private final ImageStore images;
    private final Semaphore uploads;

    public ImagePusher(RegistryHttp http, RegistryHosts hosts, BlobStore blobs, ImageStore images,
            int concurrentUploads) {
        this.http = http;
        this.hosts = hosts;
        this.blobs = blobs;
        this.images = images;
        this.uploads = new Semaphore(concurrentUploads);
    }

    /** What the registry now holds under the tag. */
    public record Result(String tag, Digest digest, int size) {}

    public Result push(ImageReference tagged, Image image, RegistryAuth auth, TransferProgress progress)
            throws IOException {
        Map<Digest, String> sources = mountSources(tagged);
        List<String> scopes = new ArrayList<>(List.of(RegistryClient.scope(tagged.path(), "pull,push")));
        sources.values().stream().distinct().forEach(from -> scopes.add(RegistryClient.scope(from, "pull")));
        RegistryClient registry = RegistryClient.open(http, hosts.base(tagged.domain()), tagged.path(), auth, scopes);

        List<Descriptor> layers = image.manifest().layers();
        List<Digest> diffIds = image.config().rootfs().diffIds();
        for (int i = layers.size() - 1; i >= 0; i--) {
            progress.status(diffIds.get(i).shortId(), "Preparing");
        }
        List<Parallel.Task> transfers = new ArrayList<>();
        for (int i = layers.size() - 1; i >= 0; i--) {
            Descriptor layer = layers.get(i);
            String id = diffIds.get(i).shortId();
            transfers.add(() -> pushLayer(registry, layer, id, sources.get(layer.digest()), progress));
        }
        Parallel.runAll(transfers);
        Descriptor config = image.manifest().config();
        if (!registry.hasBlob(config.digest())) {
            registry.upload(config.digest(), config.size(), () -> open(config.digest()));
        }
        byte[] manifest;
        try (InputStream in = blobs.open(image.manifestDigest())) {
            manifest = in.readAllBytes();
        }
        String mediaType = image.manifest().mediaType() != null ? image.manifest().mediaType() : MediaTypes.OCI_MANIFEST;
        Digest digest = registry.putManifest(tagged.tag(), mediaType, manifest);
        images.tag(tagged.nameOnly().withDigest(digest), image.id());
        return new Result(tagged.tag(), digest, manifest.length);
    }

    private void pushLayer(RegistryClient registry, Descriptor layer, String id, String mountFrom,
            TransferProgress progress) throws IOException {
        uploads.acquireUninterruptibly();
        try {
            if (registry.hasBlob(layer.digest())) {
                progress.status(id, "Layer already exists");
                return;
            }
            if (mountFrom != null && registry.mount(layer.digest(), mountFrom)) {
                progress.status(id, "Mounted from " + mountFrom);
                return;
            }
            long size = blobs.size(layer.digest());
            registry.upload(layer.digest(), size,
                    () -> new ProgressInputStream(open(layer.digest()), progress, id, "Pushing", size));
            progress.status(id, "Pushed");
        } finally {
            uploads.release();
        }
    }

    /** For each blob, another repository of the same registry that an image holding it came from. */
    private Map<Digest, String> mountSources(ImageReference target) throws IOException {
        Map<Digest, String> sources = new HashMap<>();
        for (var entry : images.references().entrySet()) {
            ImageReference ref = entry.getKey();
            if (ref.digest() == null || !ref.domain().equals(target.domain()) || ref.path().equals(target.path())) {
                continue; // only a RepoDigest proves the registry has the image's blobs
            }
            images.get(entry.getValue()).ifPresent(image ->
                    image.manifest().layers().forEach(l -> sources.putIfAbsent(l.digest(), ref.path())));
        }
        return sources;
    }

    private InputStream open(Digest digest) {
        try {
            return blobs.open(digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
