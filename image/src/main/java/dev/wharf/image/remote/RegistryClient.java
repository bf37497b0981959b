package dev.wharf.image.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.image.Digest;
import dev.wharf.image.DigestMismatchException;
import dev.wharf.image.Json;
import dev.wharf.image.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The OCI Distribution API for one repository of one registry (manifests, blobs, uploads, tags). */
public final class RegistryClient {
    /** What pulls accept, in Docker's order of preference. */
    static final String ACCEPT = String.join(", ", MediaTypes.OCI_INDEX, MediaTypes.DOCKER_MANIFEST_LIST,
            MediaTypes.OCI_MANIFEST, MediaTypes.DOCKER_MANIFEST);
    private static final int MANIFEST_LIMIT = 4 << 20;

    private final RegistryHttp http;
    private final RegistrySession session;
    private final String repository;

    private RegistryClient(RegistryHttp http, RegistrySession session, String repository) {
        this.http = http;
        this.session = session;
        this.repository = repository;
    }

    /**
     * @param scopes the token scopes to ask for, e.g. {@code repository:library/busybox:pull}
     */
    public static RegistryClient open(RegistryHttp http, URI base, String repository, RegistryAuth auth,
            List<String> scopes) {
        return new RegistryClient(http, new RegistrySession(base, auth, scopes), repository);
    }

    public static String scope(String repository, String actions) {
        return "repository:" + repository + ":" + actions;
    }

    /** A manifest or index as the registry sent it: its bytes are what the digest covers. */
    public record FetchedManifest(String mediaType, Digest digest, byte[] bytes) {}

    /** GET /v2/<name>/manifests/<reference>; a digest reference is verified against the bytes. */
    public FetchedManifest manifest(String reference) throws IOException {
        var request = HttpRequest.newBuilder(url("/manifests/" + reference)).header("Accept", ACCEPT).GET();
        HttpResponse<InputStream> response = http.send(session, request);
        byte[] bytes = RegistryHttp.bytes(response, MANIFEST_LIMIT);
        Digest digest = Digest.sha256(bytes);
        if (Digest.isValid(reference) && !Digest.parse(reference).equals(digest)) {
            throw DigestMismatchException.digest(Digest.parse(reference), digest);
        }
        String mediaType = response.headers().firstValue("Content-Type").map(RegistryClient::bareType)
                .orElse(null);
        JsonNode declared = Json.MAPPER.readTree(bytes).path("mediaType");
        if (declared.isTextual()) {
            mediaType = declared.asText(); // the document's own word beats a server's generic Content-Type
        }
        return new FetchedManifest(mediaType, digest, bytes);
    }

    /** GET /v2/<name>/blobs/<digest>: the caller streams and verifies it. */
    public InputStream blob(Digest digest) throws IOException {
        return http.send(session, HttpRequest.newBuilder(url("/blobs/" + digest)).GET()).body();
    }

    /** HEAD /v2/<name>/blobs/<digest>. */
    public boolean hasBlob(Digest digest) throws IOException {
        var request = HttpRequest.newBuilder(url("/blobs/" + digest)).method("HEAD", HttpRequest.BodyPublishers.noBody());
        HttpResponse<InputStream> response = http.send(session, request, 404);
        response.body().close();
        return response.statusCode() / 100 == 2;
    }

    /**
     * Cross-repository mount ({@code POST …/uploads/?mount=&from=}): true when the registry linked the
     * blob; otherwise the upload session it opened instead is abandoned and false returned.
     */
    public boolean mount(Digest digest, String fromRepository) throws IOException {
        var request = HttpRequest.newBuilder(url("/blobs/uploads/?mount=" + digest + "&from="
                + URLEncoder.encode(fromRepository, StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody());
        HttpResponse<InputStream> response = http.send(session, request);
        response.body().close();
        return response.statusCode() == 201;
    }

    /**
     * A monolithic upload: POST opens the session, one PUT carries the bytes ({@code size} long) and the
     * digest the registry verifies. The body supplier is called again when the PUT must be resent.
     */
    public void upload(Digest digest, long size, Supplier<InputStream> body) throws IOException {
        var start = HttpRequest.newBuilder(url("/blobs/uploads/")).POST(HttpRequest.BodyPublishers.noBody());
        HttpResponse<InputStream> started = http.send(session, start);
        started.body().close();
        URI location = location(started);
        String separator = location.getRawQuery() == null ? "?" : "&";
        var put = HttpRequest.newBuilder(URI.create(location + separator + "digest=" + digest))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(body), size));
        http.send(session, put).body().close();
    }

    /** PUT /v2/<name>/manifests/<reference>; returns the digest of the bytes (what the registry stores). */
    public Digest putManifest(String reference, String mediaType, byte[] bytes) throws IOException {
        var request = HttpRequest.newBuilder(url("/manifests/" + reference))
                .header("Content-Type", mediaType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        http.send(session, request).body().close();
        return Digest.sha256(bytes);
    }

    /** GET /v2/<name>/tags/list, following {@code Link} pagination. */
    public List<String> tags() throws IOException {
        List<String> tags = new ArrayList<>();
        URI next = url("/tags/list");
        while (next != null) {
            HttpResponse<InputStream> response = http.send(session, HttpRequest.newBuilder(next).GET());
            Optional<String> link = response.headers().firstValue("Link");
            JsonNode reply = Json.MAPPER.readTree(RegistryHttp.bytes(response, MANIFEST_LIMIT));
            reply.path("tags").forEach(t -> tags.add(t.asText()));
            next = link.map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>'))).map(session.base()::resolve)
                    .orElse(null);
        }
        return tags;
    }

    /** GET /v2/ with the credentials: what {@code docker login} checks. */
    public static void checkLogin(RegistryHttp http, URI base, RegistryAuth auth) throws IOException {
        var session = new RegistrySession(base, auth, List.of());
        http.send(session, HttpRequest.newBuilder(api(base, "")).GET()).body().close();
    }

    private URI url(String suffix) {
        return api(session.base(), repository + suffix);
    }

    /** {@code <base>/v2/<path>}: a mirror's base may have a path of its own, below which the API lives. */
    static URI api(URI base, String path) {
        return URI.create(base.toString().replaceFirst("/+$", "") + "/v2/" + path);
    }

    private URI location(HttpResponse<?> response) throws RegistryException {
        String location = response.headers().firstValue("Location").orElseThrow(
                () -> new RegistryException(response.statusCode(), null, "registry sent no upload location"));
        return session.base().resolve(location);
    }

    private static String bareType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
    }
}
