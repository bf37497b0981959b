package dev.wharf.registry.api;

import dev.wharf.image.Digest;
import dev.wharf.registry.errors.ErrorCode;
import dev.wharf.registry.errors.RegistryException;
import dev.wharf.registry.http.Exchange;
import dev.wharf.registry.manifest.ParsedManifest;
import dev.wharf.registry.storage.DigestAlgorithms;
import dev.wharf.registry.storage.RegistryStorage;
import dev.wharf.registry.storage.RepositoryName;
import dev.wharf.registry.storage.Tag;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.util.Map;

/** {@code GET/HEAD/PUT/DELETE /v2/<name>/manifests/<tag or digest>}. */
final class ManifestHandler {
    private final RegistryStorage storage;
    private final ApiPolicy policy;

    ManifestHandler(RegistryStorage storage, ApiPolicy policy) {
        this.storage = storage;
        this.policy = policy;
    }

    void get(Exchange exchange, Route route) throws IOException {
        RepositoryName repository = route.repository();
        Digest digest = resolve(repository, route.reference());
        String mediaType = storage.manifests().manifestMediaType(repository, digest).orElseThrow(() -> unknown(route));
        byte[] content = storage.blobs().read(digest);
        exchange.respond(200, Exchange.headers()
                .set("Content-Type", mediaType)
                .set("Docker-Content-Digest", digest.toString())
                .set("ETag", "\"" + digest + "\""), content);
    }

    void put(Exchange exchange, Route route) throws IOException {
        RepositoryName repository = route.repository();
        String reference = route.reference();
        boolean byDigest = References.isDigest(reference);
        Digest expected = byDigest ? References.digest(reference) : null;
        if (!byDigest) {
            Tag.require(reference);
        }
        long declared = exchange.contentLength();
        if (declared > policy.maxManifestBytes()) {
            throw tooLarge();
        }
        byte[] body;
        try {
            body = exchange.readBody(policy.maxManifestBytes());
        } catch (RegistryException e) {
            throw e.code() == ErrorCode.TOO_LARGE ? tooLarge() : e;
        }
        ParsedManifest manifest = ParsedManifest.parse(body, exchange.header("Content-Type"));
        Digest digest = DigestAlgorithms.of(expected == null ? Digest.SHA256 : expected.algorithm(), body);
        if (expected != null && !expected.equals(digest)) {
            throw new RegistryException(ErrorCode.DIGEST_INVALID,
                    "manifest digest " + digest + " does not match the reference " + expected);
        }
        requireReferences(repository, manifest);
        storage.blobs().put(digest, body);
        storage.manifests().putManifest(repository, digest, manifest.mediaType(), manifest.subject());
        if (!byDigest) {
            storage.manifests().tag(repository, reference, digest);
        }
        HttpHeaders headers = Exchange.headers()
                .set("Location", "/v2/" + repository + "/manifests/" + digest)
                .set("Docker-Content-Digest", digest.toString());
        if (manifest.subject() != null) {
            headers.set("OCI-Subject", manifest.subject().toString());
        }
        exchange.respond(201, headers, null);
    }

    void delete(Exchange exchange, Route route) throws IOException {
        if (!policy.deleteEnabled()) {
            throw new RegistryException(ErrorCode.UNSUPPORTED, "manifest and tag deletion is disabled on this registry");
        }
        RepositoryName repository = route.repository();
        String reference = route.reference();
        if (!References.isDigest(reference)) {
            if (!storage.manifests().deleteTag(repository, Tag.require(reference))) {
                throw unknown(route);
            }
            exchange.respond(202, Exchange.headers(), null);
            return;
        }
        Digest digest = References.digest(reference);
        String mediaType = storage.manifests().manifestMediaType(repository, digest).orElseThrow(() -> unknown(route));
        Digest subject = ParsedManifest.parse(storage.blobs().read(digest), mediaType).subject();
        storage.manifests().deleteManifest(repository, digest, subject);
        exchange.respond(202, Exchange.headers(), null);
    }

    /**
     * Every blob and child manifest must be in the repository. Each is touched first, so a garbage
     * collection that started before this push cannot remove it between this check and the write.
     */
    private void requireReferences(RepositoryName repository, ParsedManifest manifest) throws IOException {
        for (Digest blob : manifest.blobs()) {
            storage.blobs().touch(blob);
            if (!storage.manifests().hasBlob(repository, blob) || storage.blobs().size(blob).isEmpty()) {
                throw new RegistryException(ErrorCode.MANIFEST_BLOB_UNKNOWN, "blob unknown to registry: " + blob,
                        blob.toString());
            }
        }
        for (Digest child : manifest.manifests()) {
            storage.blobs().touch(child);
            if (storage.manifests().manifestMediaType(repository, child).isEmpty()) {
                throw new RegistryException(ErrorCode.MANIFEST_BLOB_UNKNOWN, "manifest unknown to registry: " + child,
                        child.toString());
            }
        }
    }

    private Digest resolve(RepositoryName repository, String reference) throws IOException {
        if (References.isDigest(reference)) {
            return References.digest(reference);
        }
        Tag.require(reference);
        return storage.manifests().resolveTag(repository, reference).orElseThrow(() ->
                new RegistryException(ErrorCode.MANIFEST_UNKNOWN, "manifest unknown: " + repository + ":" + reference,
                        Map.of("Tag", reference)));
    }

    private static RegistryException tooLarge() {
        return new RegistryException(ErrorCode.TOO_LARGE, "manifest exceeds the size limit");
    }

    private static RegistryException unknown(Route route) {
        return new RegistryException(ErrorCode.MANIFEST_UNKNOWN,
                "manifest unknown: " + route.repository() + "@" + route.reference());
    }
}
