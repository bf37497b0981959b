package dev.wharf.registry.api;

import dev.wharf.image.Digest;
import dev.wharf.registry.errors.ErrorCode;
import dev.wharf.registry.errors.RegistryException;
import dev.wharf.registry.http.Exchange;
import dev.wharf.registry.storage.BlobContent;
import dev.wharf.registry.storage.RegistryStorage;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;

/** {@code HEAD/GET/DELETE /v2/<name>/blobs/<digest>}; GET honours a single {@code Range} (206). */
final class BlobHandler {
    private final RegistryStorage storage;
    private final ApiPolicy policy;

    BlobHandler(RegistryStorage storage, ApiPolicy policy) {
        this.storage = storage;
        this.policy = policy;
    }

    void get(Exchange exchange, Route route) throws IOException {
        Digest digest = References.digest(route.reference());
        if (!storage.manifests().hasBlob(route.repository(), digest)) {
            throw unknown(digest);
        }
        BlobContent content = storage.blobs().open(digest);
        long size = content.size();
        HttpHeaders headers = Exchange.headers()
                .set("Docker-Content-Digest", digest.toString())
                .set("Content-Type", "application/octet-stream")
                .set("Accept-Ranges", "bytes")
                .set("ETag", "\"" + digest + "\"");
        String range = exchange.header("Range");
        if (range == null) {
            exchange.respondBlob(200, headers, content, 0, size);
            return;
        }
        ByteRange requested;
        try {
            requested = ByteRange.parse(range, size);
        } catch (RegistryException e) {
            content.close();
            throw e.withHeader("Content-Range", "bytes */" + size);
        }
        headers.set("Content-Range", "bytes " + requested.first() + "-" + requested.last() + "/" + size);
        exchange.respondBlob(206, headers, content, requested.first(), requested.length());
    }

    void delete(Exchange exchange, Route route) throws IOException {
        if (!policy.deleteEnabled()) {
            throw new RegistryException(ErrorCode.UNSUPPORTED, "blob deletion is disabled on this registry");
        }
        Digest digest = References.digest(route.reference());
        if (!storage.manifests().unlinkBlob(route.repository(), digest)) {
            throw unknown(digest);
        }
        // The content itself goes at the next garbage collection, if no other repository links it.
        exchange.respond(202, Exchange.headers().set("Docker-Content-Digest", digest.toString()), null);
    }

    private static RegistryException unknown(Digest digest) {
        return new RegistryException(ErrorCode.BLOB_UNKNOWN, "blob unknown to registry: " + digest, digest.toString());
    }
}
