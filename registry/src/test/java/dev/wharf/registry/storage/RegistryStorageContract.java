package dev.wharf.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.image.Digest;
import dev.wharf.registry.errors.ErrorCode;
import dev.wharf.registry.errors.RegistryException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every storage backend must do; each backend's test extends this with how to open one. */
public abstract class RegistryStorageContract {
    protected static final RepositoryName REPO = new RepositoryName("team/app");
    private static final long NO_LIMIT = Long.MAX_VALUE;

    @TempDir
    protected Path dir;
    protected RegistryStorage storage;

    /** Opens the backend over {@code dir}; called again to model a restart. */
    protected abstract RegistryStorage open(Path dir) throws IOException;

    @BeforeEach
    void openStorage() throws IOException {
        storage = open(dir);
    }

    @Test
    void uploadInChunksThenCommitMakesOneSharedBlob() throws IOException {
        byte[] content = bytes("chunk-one|chunk-two");
        Digest digest = Digest.sha256(content);
        for (String repository : List.of("team/app", "team/other")) {
            RepositoryName name = new RepositoryName(repository);
            UploadState session = storage.uploads().start(name);
            storage.uploads().append(name, session.id(), 0, body("chunk-one|"), NO_LIMIT);
            assertThat(storage.uploads().append(name, session.id(), 10, body("chunk-two"), NO_LIMIT).size()).isEqualTo(19);
            storage.uploads().commit(name, session.id(), digest);
        }
        assertThat(storage.blobs().size(digest)).hasValue(19L);
        assertThat(storage.blobs().read(digest)).isEqualTo(content);
        List<Digest> all = new ArrayList<>();
        storage.blobs().forEach(blob -> all.add(blob.digest()));
        assertThat(all).containsExactly(digest);
        assertThat(storage.uploads().list()).isEmpty();
    }

    @Test
    void aChunkAtTheWrongOffsetIsRefusedAndWritesNothing() throws IOException {
        UploadState session = storage.uploads().start(REPO);
        storage.uploads().append(REPO, session.id(), 0, body("abc"), NO_LIMIT);
        assertThatThrownBy(() -> storage.uploads().append(REPO, session.id(), 0, body("abc"), NO_LIMIT))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RANGE_INVALID));
        assertThat(storage.uploads().status(REPO, session.id()).size()).isEqualTo(3);
    }

    @Test
    void aWrongDigestStoresNothing() throws IOException {
        UploadState session = storage.uploads().start(REPO);
        storage.uploads().append(REPO, session.id(), -1, body("content"), NO_LIMIT);
        Digest wrong = Digest.sha256(bytes("other"));
        assertThatThrownBy(() -> storage.uploads().commit(REPO, session.id(), wrong))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DIGEST_INVALID));
        assertThat(storage.blobs().size(wrong)).isEmpty();
        assertThat(storage.blobs().size(Digest.sha256(bytes("content")))).isEmpty();
    }

    @Test
    void sessionsSurviveARestartAndBelongToTheirRepository() throws IOException {
        UploadState session = storage.uploads().start(REPO);
        storage.uploads().append(REPO, session.id(), 0, body("before "), NO_LIMIT);
        RegistryStorage reopened = open(dir);
        assertThat(reopened.uploads().status(REPO, session.id()).size()).isEqualTo(7);
        reopened.uploads().append(REPO, session.id(), 7, body("after"), NO_LIMIT);
        reopened.uploads().commit(REPO, session.id(), Digest.sha256(bytes("before after")));
        assertThat(reopened.blobs().read(Digest.sha256(bytes("before after")))).isEqualTo(bytes("before after"));
        assertThatThrownBy(() -> reopened.uploads().status(new RepositoryName("other"), session.id()))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BLOB_UPLOAD_UNKNOWN));
    }

    @Test
    void uploadLimitIsEnforced() throws IOException {
        UploadState session = storage.uploads().start(REPO);
        assertThatThrownBy(() -> storage.uploads().append(REPO, session.id(), 0, body("0123456789"), 5))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE));
    }

    @Test
    void manifestsTagsAndReferrers() throws IOException {
        Digest image = Digest.sha256(bytes("image"));
        Digest signature = Digest.sha256(bytes("signature"));
        storage.blobs().put(image, bytes("image"));
        storage.manifests().putManifest(REPO, image, "application/vnd.oci.image.manifest.v1+json", null);
        storage.manifests().putManifest(REPO, signature, "application/vnd.oci.image.manifest.v1+json", image);
        storage.manifests().tag(REPO, "v1", image);
        storage.manifests().tag(REPO, "latest", image);

        assertThat(storage.manifests().resolveTag(REPO, "v1")).hasValue(image);
        assertThat(storage.manifests().tags(REPO)).hasValue(List.of("latest", "v1"));
        assertThat(storage.manifests().tags(new RepositoryName("none"))).isEmpty();
        assertThat(storage.manifests().referrers(REPO, image)).containsExactly(signature);
        assertThat(storage.manifests().manifests(REPO)).containsExactlyInAnyOrder(image, signature);
        assertThat(storage.manifests().repositories()).containsExactly(REPO);
        assertThat(storage.manifests().hasBlob(REPO, image)).isTrue();

        assertThat(storage.manifests().deleteManifest(REPO, signature, image)).isTrue();
        assertThat(storage.manifests().referrers(REPO, image)).isEmpty();
        assertThat(storage.manifests().deleteManifest(REPO, image, null)).isTrue();
        assertThat(storage.manifests().tags(REPO)).hasValue(List.of());
        assertThat(storage.manifests().deleteManifest(REPO, image, null)).isFalse();
    }

    @Test
    void blobLinksAndCollection() throws IOException {
        Digest digest = Digest.sha256(bytes("layer"));
        storage.blobs().put(digest, bytes("layer"));
        storage.manifests().linkBlob(REPO, digest);
        assertThat(storage.manifests().linkedBlobs(REPO)).containsExactly(digest);
        assertThat(storage.manifests().unlinkBlob(REPO, digest)).isTrue();
        assertThat(storage.manifests().hasBlob(REPO, digest)).isFalse();

        assertThat(storage.blobs().deleteIfUnusedSince(digest, Instant.now().minusSeconds(3600))).isFalse();
        assertThat(storage.blobs().deleteIfUnusedSince(digest, Instant.now().plusSeconds(1))).isTrue();
        assertThat(storage.blobs().size(digest)).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ReadableByteChannel body(String text) {
        return Channels.newChannel(new ByteArrayInputStream(bytes(text)));
    }
}
