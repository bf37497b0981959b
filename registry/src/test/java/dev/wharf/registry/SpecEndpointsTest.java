package dev.wharf.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.image.Descriptor;
import dev.wharf.image.Digest;
import dev.wharf.image.ImageIndex;
import dev.wharf.image.Json;
import dev.wharf.image.Manifest;
import dev.wharf.image.MediaTypes;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OCI Distribution Spec's endpoints and error codes, over real HTTP against an in-process registry. */
class SpecEndpointsTest {
    @TempDir
    Path root;
    TestRegistry registry;

    @BeforeEach
    void start() throws Exception {
        registry = new TestRegistry(root);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void baseEndpointAnnouncesTheApiVersion() throws Exception {
        HttpResponse<String> response = registry.get("/v2/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Docker-Distribution-API-Version")).hasValue("registry/2.0");
    }

    @Test
    void monolithicBlobUploadThenHeadGetRangeAndDelete() throws Exception {
        byte[] content = "hello, registry".getBytes(StandardCharsets.UTF_8);
        Digest digest = registry.pushBlob("library/hello", content);

        HttpResponse<String> head = registry.head("/v2/library/hello/blobs/" + digest);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue(String.valueOf(content.length));
        assertThat(head.headers().firstValue("Docker-Content-Digest")).hasValue(digest.toString());

        assertThat(registry.get("/v2/library/hello/blobs/" + digest).body()).isEqualTo("hello, registry");

        HttpResponse<String> range = registry.send(registry.request("/v2/library/hello/blobs/" + digest)
                .header("Range", "bytes=7-14"));
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo("registry");
        assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 7-14/15");

        HttpResponse<String> unsatisfiable = registry.send(registry.request("/v2/library/hello/blobs/" + digest)
                .header("Range", "bytes=99-"));
        assertThat(unsatisfiable.statusCode()).isEqualTo(416);
        assertThat(unsatisfiable.headers().firstValue("Content-Range")).hasValue("bytes */15");

        assertThat(registry.delete("/v2/library/hello/blobs/" + digest).statusCode()).isEqualTo(202);
        assertError(registry.get("/v2/library/hello/blobs/" + digest), 404, "BLOB_UNKNOWN");
    }

    @Test
    void blobsOfOneRepositoryAreNotServedByAnother() throws Exception {
        Digest digest = registry.pushBlob("a", "x".getBytes(StandardCharsets.UTF_8));
        assertError(registry.get("/v2/b/blobs/" + digest), 404, "BLOB_UNKNOWN");
    }

    @Test
    void malformedDigestsAreDigestInvalidNeverServerErrors() throws Exception {
        assertError(registry.get("/v2/a/blobs/sha256:xyz"), 400, "DIGEST_INVALID");
        assertError(registry.get("/v2/a/blobs/md5:d41d8cd98f00b204e9800998ecf8427e"), 400, "DIGEST_INVALID");
        assertError(registry.get("/v2/a/manifests/sha256:nothex"), 400, "DIGEST_INVALID");
        assertError(registry.get("/v2/a/referrers/notadigest"), 400, "DIGEST_INVALID");
        assertError(registry.send(registry.request("/v2/a/blobs/uploads/?digest=sha256:00")
                .POST(BodyPublishers.ofString("x"))), 400, "DIGEST_INVALID");
    }

    @Test
    void invalidRepositoryNamesAreRefused() throws Exception {
        assertError(registry.get("/v2/a/../b/tags/list"), 400, "NAME_INVALID");
        assertError(registry.get("/v2/Upper/tags/list"), 400, "NAME_INVALID");
        assertError(registry.get("/v2/a//b/manifests/latest"), 400, "NAME_INVALID");
        assertError(registry.send(registry.request("/v2/..%2F..%2Fetc/blobs/uploads/").POST(BodyPublishers.noBody())),
                400, "NAME_INVALID");
        assertThat(Files.exists(root.resolve("etc"))).isFalse();
    }

    @Test
    void chunkedUploadWithContentRangeAnswers416ForRepeatedAndOutOfOrderChunks() throws Exception {
        HttpResponse<String> started = registry.send(registry.request("/v2/chunked/blobs/uploads/").POST(BodyPublishers.noBody()));
        assertThat(started.statusCode()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(started.headers().firstValue("Docker-Upload-UUID")).isPresent();
        assertThat(started.headers().firstValue("Range")).hasValue("0-0");

        HttpResponse<String> first = patch(location, "01234", "0-4");
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.headers().firstValue("Range")).hasValue("0-4");

        HttpResponse<String> repeated = patch(location, "01234", "0-4");
        assertThat(repeated.statusCode()).isEqualTo(416);
        assertThat(repeated.headers().firstValue("Range")).hasValue("0-4");
        assertThat(repeated.headers().firstValue("Location")).hasValue(location);
        assertThat(patch(location, "abcde", "10-14").statusCode()).isEqualTo(416);

        assertThat(patch(location, "56789", "5-9").statusCode()).isEqualTo(202);
        HttpResponse<String> status = registry.get(location);
        assertThat(status.statusCode()).isEqualTo(204);
        assertThat(status.headers().firstValue("Range")).hasValue("0-9");

        Digest digest = Digest.sha256("0123456789".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> done = registry.send(registry.request(location + "?digest=" + digest).PUT(BodyPublishers.noBody()));
        assertThat(done.statusCode()).isEqualTo(201);
        assertThat(done.headers().firstValue("Location")).hasValue("/v2/chunked/blobs/" + digest);
        assertThat(registry.get("/v2/chunked/blobs/" + digest).body()).isEqualTo("0123456789");
        assertError(registry.get(location), 404, "BLOB_UPLOAD_UNKNOWN");
    }

    @Test
    void postThenPutWithTheWholeBody() throws Exception {
        String location = registry.send(registry.request("/v2/p/blobs/uploads/").POST(BodyPublishers.noBody()))
                .headers().firstValue("Location").orElseThrow();
        Digest digest = Digest.sha256("whole".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> done = registry.send(registry.request(location + "?digest=" + digest)
                .header("Content-Type", "application/octet-stream").PUT(BodyPublishers.ofString("whole")));
        assertThat(done.statusCode()).isEqualTo(201);
        assertThat(done.headers().firstValue("Docker-Content-Digest")).hasValue(digest.toString());
    }

    @Test
    void wrongDigestStoresNothing() throws Exception {
        Digest other = Digest.sha256("other".getBytes(StandardCharsets.UTF_8));
        assertError(registry.send(registry.request("/v2/w/blobs/uploads/?digest=" + other)
                .POST(BodyPublishers.ofString("content"))), 400, "DIGEST_INVALID");
        assertThat(Files.exists(root.resolve("blobs/sha256/" + other.encoded()))).isFalse();
        assertThat(Files.exists(root.resolve("blobs/sha256/" + Digest.sha256("content".getBytes(StandardCharsets.UTF_8)).encoded()))).isFalse();
        assertThat(registry.head("/v2/w/blobs/" + other).statusCode()).isEqualTo(404);
        try (var sessions = Files.list(root.resolve("uploads"))) {
            assertThat(sessions).isEmpty();
        }
    }

    @Test
    void cancelledUploadIsGone() throws Exception {
        String location = registry.send(registry.request("/v2/c/blobs/uploads/").POST(BodyPublishers.noBody()))
                .headers().firstValue("Location").orElseThrow();
        assertThat(registry.delete(location).statusCode()).isEqualTo(204);
        assertError(registry.get(location), 404, "BLOB_UPLOAD_UNKNOWN");
        assertError(registry.get("/v2/c/blobs/uploads/not-a-session"), 404, "BLOB_UPLOAD_UNKNOWN");
        assertError(registry.get("/v2/c/blobs/uploads/00000000-0000-0000-0000-000000000000"), 404, "BLOB_UPLOAD_UNKNOWN");
    }

    @Test
    void uploadSessionsBelongToTheirRepository() throws Exception {
        String location = registry.send(registry.request("/v2/mine/blobs/uploads/").POST(BodyPublishers.noBody()))
                .headers().firstValue("Location").orElseThrow();
        assertError(registry.get(location.replace("/mine/", "/theirs/")), 404, "BLOB_UPLOAD_UNKNOWN");
    }

    @Test
    void crossRepositoryMountAndItsFallback() throws Exception {
        Digest digest = registry.pushBlob("source", "layer".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> mounted = registry.send(registry.request("/v2/target/blobs/uploads/?mount=" + digest
                + "&from=source").POST(BodyPublishers.noBody()));
        assertThat(mounted.statusCode()).isEqualTo(201);
        assertThat(mounted.headers().firstValue("Location")).hasValue("/v2/target/blobs/" + digest);
        assertThat(registry.get("/v2/target/blobs/" + digest).body()).isEqualTo("layer");

        HttpResponse<String> fallback = registry.send(registry.request("/v2/other/blobs/uploads/?mount=" + digest
                + "&from=empty").POST(BodyPublishers.noBody()));
        assertThat(fallback.statusCode()).isEqualTo(202);
        assertThat(fallback.headers().firstValue("Location")).isPresent();
    }

    @Test
    void manifestPutGetHeadByTagAndDigestAndDelete() throws Exception {
        byte[] manifest = TestImages.pushImage(registry, "app", "v1", "layer-1".getBytes(StandardCharsets.UTF_8));
        Digest digest = Digest.sha256(manifest);
        HttpResponse<String> put = registry.putManifest("app", "v1", MediaTypes.OCI_MANIFEST, manifest);
        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(put.headers().firstValue("Docker-Content-Digest")).hasValue(digest.toString());
        assertThat(put.headers().firstValue("Location")).hasValue("/v2/app/manifests/" + digest);

        for (String reference : List.of("v1", digest.toString())) {
            HttpResponse<String> get = registry.get("/v2/app/manifests/" + reference);
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.headers().firstValue("Content-Type")).hasValue(MediaTypes.OCI_MANIFEST);
            assertThat(get.headers().firstValue("Docker-Content-Digest")).hasValue(digest.toString());
            assertThat(get.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(manifest);
            HttpResponse<String> head = registry.head("/v2/app/manifests/" + reference);
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.headers().firstValue("Content-Length")).hasValue(String.valueOf(manifest.length));
        }
        assertThat(registry.putManifest("app", digest.toString(), MediaTypes.OCI_MANIFEST, manifest).statusCode()).isEqualTo(201);
        assertThat(registry.putManifest("app", "v2", MediaTypes.OCI_MANIFEST, manifest).statusCode()).isEqualTo(201);

        assertThat(registry.delete("/v2/app/manifests/v2").statusCode()).isEqualTo(202);
        assertError(registry.get("/v2/app/manifests/v2"), 404, "MANIFEST_UNKNOWN");
        assertThat(registry.delete("/v2/app/manifests/" + digest).statusCode()).isEqualTo(202);
        assertError(registry.get("/v2/app/manifests/" + digest), 404, "MANIFEST_UNKNOWN");
        assertError(registry.get("/v2/app/manifests/v1"), 404, "MANIFEST_UNKNOWN");
        assertError(registry.delete("/v2/app/manifests/" + digest), 404, "MANIFEST_UNKNOWN");
    }

    @Test
    void dockerSchema2ManifestAndManifestList() throws Exception {
        byte[] config = TestImages.config("docker");
        Digest configDigest = registry.pushBlob("dock", config);
        Digest layer = registry.pushBlob("dock", "docker-layer".getBytes(StandardCharsets.UTF_8));
        byte[] manifest = Json.bytes(new Manifest(2, MediaTypes.DOCKER_MANIFEST, null,
                Descriptor.of(MediaTypes.DOCKER_CONFIG, configDigest, config.length),
                List.of(Descriptor.of(MediaTypes.DOCKER_LAYER_GZIP, layer, 12)), null, null));
        assertThat(registry.putManifest("dock", "amd64", MediaTypes.DOCKER_MANIFEST, manifest).statusCode()).isEqualTo(201);
        byte[] list = Json.bytes(new ImageIndex(2, MediaTypes.DOCKER_MANIFEST_LIST, null,
                List.of(Descriptor.of(MediaTypes.DOCKER_MANIFEST, Digest.sha256(manifest), manifest.length)), null, null));
        assertThat(registry.putManifest("dock", "latest", MediaTypes.DOCKER_MANIFEST_LIST, list).statusCode()).isEqualTo(201);
        assertThat(registry.get("/v2/dock/manifests/latest").headers().firstValue("Content-Type"))
                .hasValue(MediaTypes.DOCKER_MANIFEST_LIST);

        byte[] dangling = Json.bytes(new ImageIndex(2, MediaTypes.OCI_INDEX, null,
                List.of(Descriptor.of(MediaTypes.OCI_MANIFEST, Digest.sha256("nothing".getBytes()), 7)), null, null));
        assertError(registry.putManifest("dock", "broken", MediaTypes.OCI_INDEX, dangling), 404, "MANIFEST_BLOB_UNKNOWN");
    }

    @Test
    void badManifestsAreRefusedAndNothingIsStored() throws Exception {
        byte[] good = TestImages.pushImage(registry, "bad", "x");
        assertError(registry.putManifest("bad", "json", MediaTypes.OCI_MANIFEST, "{not json".getBytes()), 400, "MANIFEST_INVALID");
        assertError(registry.putManifest("bad", "array", MediaTypes.OCI_MANIFEST, "[]".getBytes()), 400, "MANIFEST_INVALID");
        assertError(registry.putManifest("bad", "schema1", MediaTypes.OCI_MANIFEST,
                "{\"schemaVersion\":1}".getBytes()), 400, "MANIFEST_INVALID");
        assertError(registry.putManifest("bad", "mismatch", MediaTypes.DOCKER_MANIFEST, good), 400, "MANIFEST_INVALID");
        assertError(registry.putManifest("bad", "sha256:" + "0".repeat(64), MediaTypes.OCI_MANIFEST, good), 400, "DIGEST_INVALID");
        assertError(registry.putManifest("bad", "bad!tag", MediaTypes.OCI_MANIFEST, good), 400, "MANIFEST_INVALID");

        byte[] missing = Json.bytes(Manifest.oci(Descriptor.of(MediaTypes.OCI_CONFIG, Digest.sha256("no".getBytes()), 2), List.of()));
        assertError(registry.putManifest("bad", "missing", MediaTypes.OCI_MANIFEST, missing), 404, "MANIFEST_BLOB_UNKNOWN");
        assertThat(Files.exists(root.resolve("blobs/sha256/" + Digest.sha256(missing).encoded()))).isFalse();

        byte[] huge = ("{\"schemaVersion\":2,\"annotations\":{\"a\":\"" + "x".repeat(5 << 20) + "\"}}").getBytes();
        assertError(registry.putManifest("bad", "huge", MediaTypes.OCI_MANIFEST, huge), 413, "SIZE_INVALID");

        JsonNode tags = Json.MAPPER.readTree(registry.get("/v2/bad/tags/list").body());
        assertThat(tags.path("tags")).isEmpty();
    }

    @Test
    void subjectAndReferrersWithArtifactTypeFilter() throws Exception {
        byte[] image = TestImages.pushImage(registry, "ref", "base");
        Digest subject = Digest.sha256(image);
        registry.putManifest("ref", "base", MediaTypes.OCI_MANIFEST, image);

        Digest empty = registry.pushBlob("ref", "{}".getBytes());
        for (String type : List.of("application/vnd.example.sbom", "application/vnd.example.signature")) {
            byte[] artifact = Json.bytes(new Manifest(2, MediaTypes.OCI_MANIFEST, type,
                    Descriptor.of(MediaTypes.OCI_EMPTY, empty, 2), List.of(), Descriptor.of(MediaTypes.OCI_MANIFEST, subject, image.length),
                    Map.of("kind", type)));
            HttpResponse<String> put = registry.putManifest("ref", Digest.sha256(artifact).toString(), MediaTypes.OCI_MANIFEST, artifact);
            assertThat(put.statusCode()).isEqualTo(201);
            assertThat(put.headers().firstValue("OCI-Subject")).hasValue(subject.toString());
        }
        HttpResponse<String> all = registry.get("/v2/ref/referrers/" + subject);
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Type")).hasValue(MediaTypes.OCI_INDEX);
        assertThat(Json.MAPPER.readTree(all.body()).path("manifests")).hasSize(2);

        HttpResponse<String> filtered = registry.get("/v2/ref/referrers/" + subject + "?artifactType=application/vnd.example.sbom");
        assertThat(filtered.headers().firstValue("OCI-Filters-Applied")).hasValue("artifactType");
        JsonNode manifests = Json.MAPPER.readTree(filtered.body()).path("manifests");
        assertThat(manifests).hasSize(1);
        assertThat(manifests.get(0).path("artifactType").asText()).isEqualTo("application/vnd.example.sbom");
        assertThat(manifests.get(0).path("annotations").path("kind").asText()).isEqualTo("application/vnd.example.sbom");

        JsonNode none = Json.MAPPER.readTree(registry.get("/v2/ref/referrers/sha256:" + "1".repeat(64)).body());
        assertThat(none.path("manifests")).isEmpty();
    }

    @Test
    void tagsAndCatalogPaginateWithLinkHeaders() throws Exception {
        byte[] manifest = TestImages.pushImage(registry, "pages", "p");
        for (String tag : List.of("d", "a", "c", "b", "e")) {
            registry.putManifest("pages", tag, MediaTypes.OCI_MANIFEST, manifest);
        }
        HttpResponse<String> first = registry.get("/v2/pages/tags/list?n=2");
        assertThat(Json.MAPPER.readTree(first.body()).path("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(first.headers().firstValue("Link")).hasValue("</v2/pages/tags/list?n=2&last=b>; rel=\"next\"");
        HttpResponse<String> last = registry.get("/v2/pages/tags/list?n=2&last=d");
        assertThat(Json.MAPPER.readTree(last.body()).path("tags").toString()).isEqualTo("[\"e\"]");
        assertThat(last.headers().firstValue("Link")).isEmpty();
        assertThat(Json.MAPPER.readTree(registry.get("/v2/pages/tags/list").body()).path("tags")).hasSize(5);
        assertError(registry.get("/v2/pages/tags/list?n=many"), 400, "PAGINATION_NUMBER_INVALID");
        assertError(registry.get("/v2/nothing/tags/list"), 404, "NAME_UNKNOWN");

        registry.pushBlob("z/last", "1".getBytes());
        registry.pushBlob("m/middle", "1".getBytes());
        HttpResponse<String> catalog = registry.get("/v2/_catalog?n=2");
        assertThat(Json.MAPPER.readTree(catalog.body()).path("repositories").toString()).isEqualTo("[\"m/middle\",\"pages\"]");
        assertThat(catalog.headers().firstValue("Link")).hasValue("</v2/_catalog?n=2&last=pages>; rel=\"next\"");
        assertThat(Json.MAPPER.readTree(registry.get("/v2/_catalog?last=pages").body()).path("repositories").toString())
                .isEqualTo("[\"z%2Flast\"]".replace("%2F", "/"));
    }

    @Test
    void unknownEndpointsAndMethodsGetSpecErrors() throws Exception {
        assertError(registry.send(registry.request("/v2/a/tags/list").DELETE()), 405, "UNSUPPORTED");
        assertError(registry.send(registry.request("/v2/a/blobs/uploads/").PUT(BodyPublishers.noBody())), 405, "UNSUPPORTED");
        assertThat(registry.get("/v2/nothing-here").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> patch(String location, String chunk, String contentRange) throws Exception {
        return registry.send(registry.request(location).header("Content-Range", contentRange)
                .header("Content-Type", "application/octet-stream")
                .method("PATCH", BodyPublishers.ofString(chunk)));
    }

    static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (response.request().method().equals("HEAD")) {
            return;
        }
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode errors = Json.MAPPER.readTree(response.body()).path("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path("code").asText()).isEqualTo(code);
        assertThat(errors.get(0).path("message").asText()).isNotEmpty();
    }
}
