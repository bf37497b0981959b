package dev.wharf.registry.api;

import dev.wharf.image.Digest;
import dev.wharf.registry.auth.Access;
import dev.wharf.registry.auth.Authorizer;
import dev.wharf.registry.errors.ErrorCode;
import dev.wharf.registry.errors.RegistryException;
import dev.wharf.registry.http.Exchange;
import dev.wharf.registry.storage.RegistryStorage;
import dev.wharf.registry.storage.RepositoryName;
import dev.wharf.registry.storage.UploadState;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blob uploads: {@code POST /v2/<name>/blobs/uploads/} (a session, a monolithic upload with {@code digest},
 * or a cross-repository {@code mount}), then {@code PATCH} chunks, {@code PUT ?digest=} to finish,
 * {@code GET} for the status and {@code DELETE} to cancel.
 */
final class UploadHandler {
    private static final Pattern CONTENT_RANGE = Pattern.compile("(?:bytes[ =])?(\\d+)-(\\d+)(?:/(?:\\d+|\\*))?");

    private final RegistryStorage storage;
    private final ApiPolicy policy;
    private final Authorizer authorizer;

    UploadHandler(RegistryStorage storage, ApiPolicy policy, Authorizer authorizer) {
        this.storage = storage;
        this.policy = policy;
        this.authorizer = authorizer;
    }

    void start(Exchange exchange, Route route) throws IOException {
        RepositoryName repository = route.repository();
        String mount = exchange.query("mount");
        if (mount != null && tryMount(exchange, repository, References.digest(mount), exchange.query("from"))) {
            return;
        }
        String digestParam = exchange.query("digest");
        Digest digest = digestParam == null ? null : References.digest(digestParam);
        UploadState session = storage.uploads().start(repository);
        if (digest == null) {
            sendStatus(exchange, 202, session);
            return;
        }
        try {
            storage.uploads().append(repository, session.id(), 0, exchange.body(), policy.maxBlobBytes());
            finish(exchange, repository, session.id(), digest);
        } catch (RegistryException | IOException e) {
            storage.uploads().cancel(repository, session.id()); // a failed single-request upload leaves nothing
            throw e;
        }
    }

    void status(Exchange exchange, Route route) throws IOException {
        sendStatus(exchange, 204, storage.uploads().status(route.repository(), route.reference()));
    }

    void patch(Exchange exchange, Route route) throws IOException {
        RepositoryName repository = route.repository();
        UploadState session = storage.uploads().status(repository, route.reference());
        long offset = chunkOffset(exchange, session);
        try {
            session = storage.uploads().append(repository, session.id(), offset, exchange.body(), remaining(session));
        } catch (RegistryException e) {
            throw withUploadHeaders(e, storage.uploads().status(repository, session.id()));
        }
        sendStatus(exchange, 202, session);
    }

    void put(Exchange exchange, Route route) throws IOException {
        RepositoryName repository = route.repository();
        Digest digest = References.digest(exchange.query("digest"));
        UploadState session = storage.uploads().status(repository, route.reference());
        if (hasBody(exchange)) {
            long offset = chunkOffset(exchange, session);
            try {
                storage.uploads().append(repository, session.id(), offset, exchange.body(), remaining(session));
            } catch (RegistryException e) {
                throw withUploadHeaders(e, storage.uploads().status(repository, session.id()));
            }
        }
        finish(exchange, repository, session.id(), digest);
    }

    void cancel(Exchange exchange, Route route) throws IOException {
        storage.uploads().cancel(route.repository(), route.reference());
        exchange.respond(204, Exchange.headers(), null);
    }

    private boolean tryMount(Exchange exchange, RepositoryName repository, Digest digest, String from) throws IOException {
        if (from == null) {
            return false; // without a source repository the spec lets us fall back to a plain upload
        }
        RepositoryName source = new RepositoryName(from);
        if (!authorizer.permits(exchange, Access.repository(source.value(), Access.PULL))
                || !storage.manifests().hasBlob(source, digest) || storage.blobs().size(digest).isEmpty()) {
            return false;
        }
        storage.blobs().touch(digest);
        storage.manifests().linkBlob(repository, digest);
        sendCreated(exchange, repository, digest);
        return true;
    }

    private void finish(Exchange exchange, RepositoryName repository, String id, Digest digest) throws IOException {
        storage.uploads().commit(repository, id, digest);
        storage.manifests().linkBlob(repository, digest);
        sendCreated(exchange, repository, digest);
    }

    /** The chunk's first byte from {@code Content-Range}, or -1 (append) when the client sent none. */
    private static long chunkOffset(Exchange exchange, UploadState session) {
        String header = exchange.header("Content-Range");
        if (header == null) {
            return -1;
        }
        Matcher m = CONTENT_RANGE.matcher(header.trim());
        if (!m.matches()) {
            throw withUploadHeaders(new RegistryException(ErrorCode.RANGE_INVALID, "invalid Content-Range: " + header), session);
        }
        long first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        long length = exchange.contentLength();
        if (last < first || (length >= 0 && length != last - first + 1)) {
            throw withUploadHeaders(new RegistryException(ErrorCode.RANGE_INVALID,
                    "Content-Range " + header + " does not match Content-Length " + length), session);
        }
        if (first != session.size()) {
            throw withUploadHeaders(new RegistryException(ErrorCode.RANGE_INVALID,
                    "chunk starts at " + first + " but the upload has " + session.size() + " bytes"), session);
        }
        return first;
    }

    private long remaining(UploadState session) {
        return Math.max(0, policy.maxBlobBytes() - session.size());
    }

    private static boolean hasBody(Exchange exchange) {
        return exchange.contentLength() > 0 || (exchange.contentLength() < 0 && exchange.header("Transfer-Encoding") != null);
    }

    private static RegistryException withUploadHeaders(RegistryException e, UploadState session) {
        return e.withHeader("Location", location(session)).withHeader("Range", range(session))
                .withHeader("Docker-Upload-UUID", session.id());
    }

    private static void sendStatus(Exchange exchange, int status, UploadState session) throws IOException {
        HttpHeaders headers = Exchange.headers()
                .set("Location", location(session))
                .set("Range", range(session))
                .set("Docker-Upload-UUID", session.id());
        exchange.respond(status, headers, null);
    }

    private static void sendCreated(Exchange exchange, RepositoryName repository, Digest digest) throws IOException {
        exchange.respond(201, Exchange.headers()
                .set("Location", "/v2/" + repository + "/blobs/" + digest)
                .set("Docker-Content-Digest", digest.toString()), null);
    }

    private static String location(UploadState session) {
        return "/v2/" + session.repository() + "/blobs/uploads/" + session.id();
    }

    /** distribution's form: the inclusive range received so far, {@code 0-0} when nothing yet. */
    private static String range(UploadState session) {
        return "0-" + Math.max(0, session.size() - 1);
    }
}
