package dev.wharf.registry.gc;

import dev.wharf.image.Digest;
import dev.wharf.registry.manifest.ParsedManifest;
import dev.wharf.registry.storage.BlobStorage;
import dev.wharf.registry.storage.RegistryStorage;
import dev.wharf.registry.storage.RepositoryName;
import dev.wharf.registry.storage.UploadState;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Mark and sweep over the storage, safe while the registry serves: everything reachable from a
 * manifest is marked; an unmarked blob is removed only if it was not used (written, mounted, or
 * referenced by a manifest being pushed, all of which touch it) for the grace period before the
 * collection started. So a layer uploaded for a manifest that is not pushed yet survives.
 */
public final class GarbageCollector {
    private final RegistryStorage storage;
    private final Duration grace;
    private final Duration uploadMaxAge;

    public GarbageCollector(RegistryStorage storage, Duration grace, Duration uploadMaxAge) {
        this.storage = storage;
        this.grace = grace;
        this.uploadMaxAge = uploadMaxAge;
    }

    /** What a collection removed (or, in a dry run, would remove). */
    public record Report(List<String> manifests, List<BlobStorage.StoredBlob> blobs, List<UploadState> uploads) {
        public long bytes() {
            return blobs.stream().mapToLong(BlobStorage.StoredBlob::size).sum();
        }
    }

    public Report collect(boolean dryRun, boolean deleteUntagged) throws IOException {
        Instant started = Instant.now();
        Instant unusedSince = started.minus(grace);
        List<String> removedManifests = new ArrayList<>();
        Set<Digest> marked = new HashSet<>();
        for (RepositoryName repository : storage.manifests().repositories()) {
            Set<Digest> kept = deleteUntagged ? reachableFromTags(repository) : null;
            for (Digest manifest : storage.manifests().manifests(repository)) {
                ParsedManifest references = references(repository, manifest);
                if (kept != null && !kept.contains(manifest) && lastUse(manifest).isBefore(unusedSince)) {
                    removedManifests.add(repository + "@" + manifest);
                    if (!dryRun) {
                        storage.manifests().deleteManifest(repository, manifest, references == null ? null : references.subject());
                    }
                    continue;
                }
                marked.add(manifest);
                if (references != null) {
                    marked.addAll(references.blobs());
                }
            }
        }
        List<BlobStorage.StoredBlob> removedBlobs = sweep(marked, unusedSince, dryRun);
        if (!dryRun) {
            unlinkRemoved();
        }
        List<UploadState> abandoned = new ArrayList<>();
        for (UploadState upload : storage.uploads().list()) {
            if (upload.lastModified().isBefore(started.minus(uploadMaxAge))) {
                abandoned.add(upload);
                if (!dryRun) {
                    storage.uploads().cancel(upload.repository(), upload.id());
                }
            }
        }
        return new Report(removedManifests, removedBlobs, abandoned);
    }

    /** Tagged manifests, the manifests of tagged indexes, and referrers of anything kept. */
    private Set<Digest> reachableFromTags(RepositoryName repository) throws IOException {
        Set<Digest> kept = new HashSet<>();
        List<Digest> pending = new ArrayList<>();
        for (String tag : storage.manifests().tags(repository).orElse(List.of())) {
            storage.manifests().resolveTag(repository, tag).ifPresent(pending::add);
        }
        while (!pending.isEmpty()) {
            Digest digest = pending.removeLast();
            if (!kept.add(digest)) {
                continue;
            }
            ParsedManifest references = references(repository, digest);
            if (references != null) {
                pending.addAll(references.manifests());
            }
            pending.addAll(storage.manifests().referrers(repository, digest));
        }
        return kept;
    }

    private List<BlobStorage.StoredBlob> sweep(Set<Digest> marked, Instant unusedSince, boolean dryRun) throws IOException {
        List<BlobStorage.StoredBlob> candidates = new ArrayList<>();
        storage.blobs().forEach(blob -> {
            if (!marked.contains(blob.digest()) && blob.lastUsed().isBefore(unusedSince)) {
                candidates.add(blob);
            }
        });
        if (dryRun) {
            return candidates;
        }
        List<BlobStorage.StoredBlob> removed = new ArrayList<>();
        for (BlobStorage.StoredBlob blob : candidates) {
            // Checked again at removal: a push may have used the blob since it was listed.
            if (storage.blobs().deleteIfUnusedSince(blob.digest(), unusedSince)) {
                removed.add(blob);
            }
        }
        return removed;
    }

    /** Repository links to blobs that are gone would make HEAD say yes to a blob GET cannot serve. */
    private void unlinkRemoved() throws IOException {
        for (RepositoryName repository : storage.manifests().repositories()) {
            for (Digest linked : storage.manifests().linkedBlobs(repository)) {
                if (storage.blobs().size(linked).isEmpty()) {
                    storage.manifests().unlinkBlob(repository, linked);
                }
            }
        }
    }

    private Instant lastUse(Digest manifest) throws IOException {
        return storage.blobs().stat(manifest).map(BlobStorage.StoredBlob::lastUsed).orElse(Instant.EPOCH);
    }

    /** The manifest's references, or null when its content is missing or unreadable (it then marks nothing). */
    private ParsedManifest references(RepositoryName repository, Digest manifest) throws IOException {
        var mediaType = storage.manifests().manifestMediaType(repository, manifest);
        if (mediaType.isEmpty() || storage.blobs().stat(manifest).isEmpty()) {
            return null;
        }
        try {
            return ParsedManifest.parse(storage.blobs().read(manifest), mediaType.get());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
