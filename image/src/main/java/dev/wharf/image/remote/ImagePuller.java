package dev.wharf.image.remote;

import dev.wharf.image.BlobStore;
import dev.wharf.image.BlobWriter;
import dev.wharf.image.Descriptor;
import dev.wharf.image.Digest;
import dev.wharf.image.DigestMismatchException;
import dev.wharf.image.Image;
import dev.wharf.image.ImageConfig;
import dev.wharf.image.ImageIndex;
import dev.wharf.image.ImageReference;
import dev.wharf.image.ImageStore;
import dev.wharf.image.LayerUnpacker;
import dev.wharf.image.Json;
import dev.wharf.image.Manifest;
import dev.wharf.image.MediaTypes;
import dev.wharf.image.Platform;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * {@code docker pull}: resolves a reference to one platform's manifest, downloads the config and the
 * missing layers in parallel (bounded; one download per digest daemon-wide), each streamed into the
 * blob store and unpacked as it arrives, both verified, and only then records the image and its names.
 * A pull that fails halfway records nothing; the layers it finished stay and the next pull reuses them.
 */
public final class ImagePuller {
    private static final System.Logger LOG = System.getLogger(ImagePuller.class.getName());

    private final RegistryHttp http;
    private final RegistryHosts hosts;
    private final BlobStore blobs;
    private final ImageStore images;
    private final LayerUnpacker unpacker;
    private final Semaphore downloads;
    private final SingleFlight flights = new SingleFlight();

    public ImagePuller(RegistryHttp http, RegistryHosts hosts, BlobStore blobs, ImageStore images,
            LayerUnpacker unpacker, int concurrentDownloads) {
        this.http = http;
        this.hosts = hosts;
        this.blobs = blobs;
        this.images = images;
        this.unpacker = unpacker;
        this.downloads = new Semaphore(concurrentDownloads);
    }

    /** What a pull will fetch: found before any progress is streamed, so its errors are plain replies. */
    public record Plan(ImageReference reference, RegistryClient registry, RegistryClient.FetchedManifest top,
            RegistryClient.FetchedManifest manifest, Manifest parsed) {}

    /** What a pull did: the image, the digest recorded in RepoDigests, and whether the tag moved. */
    public record Result(Image image, Digest repoDigest, boolean newer) {}

    /**
     * Fetches the manifest (choosing {@code platform}, or the host's, from an index).
     *
     * @throws RegistryException with Docker's wording for a missing manifest or repository
     */
    public Plan resolve(ImageReference reference, Platform platform, RegistryAuth auth) throws IOException {
        String target = reference.digest() != null ? reference.digest().toString() : reference.tag();
        return fromFirstAnswering(reference, auth,
                registry -> plan(reference, registry, registry.manifest(target), platform));
    }

    /** The tags of the repository, for {@code --all-tags}. */
    public List<String> tags(ImageReference reference, RegistryAuth auth) throws IOException {
        return fromFirstAnswering(reference, auth, RegistryClient::tags);
    }

    private interface RegistryCall<T> {
        T call(RegistryClient registry) throws IOException;
    }

    /**
     * Asks the registry's mirrors (Docker Hub's) and then the registry itself; as in Docker, any failure of a
     * mirror (an error reply, or no connection) moves on to the next, and the last failure is reported.
     */
    private <T> T fromFirstAnswering(ImageReference reference, RegistryAuth auth, RegistryCall<T> call)
            throws IOException {
        List<URI> bases = hosts.pullBases(reference.domain());
        IOException failure = null;
        for (URI base : bases) {
            RegistryClient registry = RegistryClient.open(http, base, reference.path(), auth,
                    List.of(RegistryClient.scope(reference.path(), "pull")));
            try {
                return call.call(registry);
            } catch (RegistryException e) {
                failure = translate(e, reference);
            } catch (IOException e) {
                if (base.equals(bases.getLast())) {
                    throw e;
                }
                LOG.log(System.Logger.Level.INFO, "mirror " + base + " failed, trying the next: " + e);
                failure = e;
            }
        }
        throw failure;
    }

    public Result pull(Plan plan, TransferProgress progress) throws IOException {
        ImageReference ref = plan.reference();
        progress.status(ref.digest() != null ? ref.digest().toString() : ref.tag(), "Pulling from " + ref.path());
        Manifest manifest = plan.parsed();
        ImageConfig config = fetchConfig(plan.registry(), manifest.config());
        List<Digest> diffIds = config.rootfs() == null ? List.of() : config.rootfs().diffIds();
        if (diffIds.size() != manifest.layers().size()) {
            throw new RegistryException(0, null, "image config has " + diffIds.size() + " diff IDs for "
                    + manifest.layers().size() + " layers");
        }
        if (images.get(manifest.config().digest()).isEmpty()) {
            List<Descriptor> fetched = download(plan.registry(), manifest.layers(), diffIds, progress);
            unpack(manifest.layers(), diffIds, fetched, progress);
        }
        blobs.ingest(new ByteArrayInputStream(plan.manifest().bytes()), plan.manifest().digest(),
                plan.manifest().bytes().length);
        Image image = images.add(plan.manifest().digest());
        return record(ref, image, plan.top().digest());
    }

    private Plan plan(ImageReference reference, RegistryClient registry, RegistryClient.FetchedManifest top,
            Platform platform) throws IOException {
        RegistryClient.FetchedManifest manifest = top;
        Platform wanted = platform != null ? platform : Platform.host();
        if (MediaTypes.isIndex(top.mediaType())) {
            ImageIndex index = Json.read(top.bytes(), ImageIndex.class);
            Descriptor chosen = PlatformMatcher.select(index, wanted).orElseThrow(() -> new RegistryException(404,
                    "MANIFEST_UNKNOWN", "no matching manifest for " + PlatformMatcher.format(wanted)
                            + " in the manifest list entries"));
            manifest = registry.manifest(chosen.digest().toString());
        }
        if (!MediaTypes.isManifest(manifest.mediaType())) {
            throw new RegistryException(0, null, "unsupported manifest media type " + manifest.mediaType()
                    + " for " + reference.familiarString());
        }
        return new Plan(reference, registry, top, manifest, Json.read(manifest.bytes(), Manifest.class));
    }

    private ImageConfig fetchConfig(RegistryClient registry, Descriptor descriptor) throws IOException {
        if (!blobs.contains(descriptor.digest())) {
            try (InputStream in = registry.blob(descriptor.digest())) {
                blobs.ingest(in, descriptor.digest(), descriptor.size());
            } catch (DigestMismatchException e) {
                throw new RegistryException(0, null, "image config verification failed for digest "
                        + descriptor.digest());
            }
        }
        try (InputStream in = blobs.open(descriptor.digest())) {
            return Json.MAPPER.readValue(in, ImageConfig.class);
        }
    }

    /** Fetches the layers not in the blob store; returns those it (or a concurrent pull) fetched. */
    private List<Descriptor> download(RegistryClient registry, List<Descriptor> layers, List<Digest> diffIds,
            TransferProgress progress) throws IOException {
        Map<Descriptor, Digest> missing = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            Descriptor layer = layers.get(i);
            String id = layer.digest().shortId();
            if (blobs.contains(layer.digest())) {
                progress.status(id, "Already exists");
            } else if (!missing.containsKey(layer)) {
                progress.status(id, "Pulling fs layer");
                missing.put(layer, diffIds.get(i));
            }
        }
        List<Parallel.Task> transfers = new ArrayList<>();
        missing.forEach((layer, diffId) -> transfers.add(() -> fetchOne(registry, layer, diffId, progress)));
        Parallel.runAll(transfers);
        return List.copyOf(missing.keySet());
    }

    private void fetchOne(RegistryClient registry, Descriptor layer, Digest diffId, TransferProgress progress)
            throws IOException {
        String id = layer.digest().shortId();
        flights.run(layer.digest(), () -> {
            if (blobs.contains(layer.digest())) {
                return; // finished by a pull that ran just before ours
            }
            downloads.acquireUninterruptibly();
            try {
                downloadAndUnpack(registry, layer, diffId, progress);
            } finally {
                downloads.release();
            }
        }, () -> progress.status(id, "Waiting"));
        progress.status(id, "Download complete");
    }

    /**
     * Unpacks the layer while it downloads into the blob store: the body is hashed on its way into the
     * blob and the unpacker hashes the tar it decompresses, and neither the layer nor the blob is kept
     * unless both digests match (the blob's is checked at the end of the body, before the layer's commit).
     */
    private void downloadAndUnpack(RegistryClient registry, Descriptor layer, Digest diffId,
            TransferProgress progress) throws IOException {
        String id = layer.digest().shortId();
        try (BlobWriter blob = blobs.writer(layer.digest(), layer.size());
                LayerPipe pipe = new LayerPipe(new ProgressInputStream(registry.blob(layer.digest()), progress, id,
                        "Downloading", layer.size()), blob)) {
            // A layer unpacked before (from another blob with the same content) is only stored.
            pipe.run(unpacker.has(diffId) ? null : in -> unpacker.unpack(diffId, in));
            progress.status(id, "Verifying Checksum");
            blob.commit();
        } catch (DigestMismatchException e) {
            throw new RegistryException(0, null, "filesystem layer verification failed for digest "
                    + layer.digest());
        }
    }

    private void unpack(List<Descriptor> layers, List<Digest> diffIds, List<Descriptor> fetched,
            TransferProgress progress) throws IOException {
        for (int i = 0; i < layers.size(); i++) {
            Descriptor layer = layers.get(i);
            String id = layer.digest().shortId();
            if (!unpacker.has(diffIds.get(i))) {
                try (InputStream in = new ProgressInputStream(blobs.open(layer.digest()), progress, id, "Extracting",
                        layer.size())) {
                    unpacker.unpack(diffIds.get(i), in);
                }
            }
            if (fetched.contains(layer)) {
                progress.status(id, "Pull complete");
            }
        }
    }

    /** The tag (moved to this image) and the repository digest, as Docker records them. */
    private Result record(ImageReference ref, Image image, Digest topDigest) throws IOException {
        boolean newer = true;
        if (ref.tag() != null) {
            ImageReference tagged = ref.withDigest(null);
            Optional<Digest> before = Optional.ofNullable(images.references().get(tagged));
            newer = before.map(id -> !id.equals(image.id())).orElse(true);
            images.tag(tagged, image.id());
        }
        images.tag(ref.nameOnly().withDigest(topDigest), image.id());
        return new Result(image, topDigest, newer);
    }

    /** Docker's messages: a missing manifest names the reference; a missing or hidden repository asks for login. */
    private static RegistryException translate(RegistryException e, ImageReference ref) {
        if ("MANIFEST_UNKNOWN".equals(e.code()) && !e.getMessage().startsWith("no matching manifest")) {
            return new RegistryException(404, e.code(), "manifest for " + ref.familiarString() + " not found: "
                    + e.getMessage());
        }
        if ("NAME_UNKNOWN".equals(e.code()) || "DENIED".equals(e.code())) {
            return new RegistryException(404, e.code(), "pull access denied for " + ref.familiarName()
                    + ", repository does not exist or may require 'docker login': " + e.getMessage());
        }
        return e;
    }
}
