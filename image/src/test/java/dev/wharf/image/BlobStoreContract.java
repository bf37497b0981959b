package dev.wharf.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link BlobStore} must have; implementations subclass and supply a fresh store. */
abstract class BlobStoreContract {
    private static final byte[] CONTENT = "hello, wharf".getBytes(StandardCharsets.UTF_8);
    private static final Digest DIGEST = Digest.sha256(CONTENT);

    protected BlobStore store;

    protected abstract BlobStore newStore() throws IOException;

    @BeforeEach
    void createStore() throws IOException {
        store = newStore();
    }

    @Test
    void putThenRead() throws IOException {
        assertThat(store.put(CONTENT)).isEqualTo(DIGEST);

        assertThat(store.contains(DIGEST)).isTrue();
        assertThat(store.size(DIGEST)).isEqualTo(CONTENT.length);
        try (InputStream in = store.open(DIGEST)) {
            assertThat(in.readAllBytes()).isEqualTo(CONTENT);
        }
        assertThat(Files.readAllBytes(store.path(DIGEST))).isEqualTo(CONTENT);
        assertThat(store.list()).containsExactly(DIGEST);
    }

    @Test
    void ingestVerifiesDigestAndSize() throws IOException {
        assertThat(store.ingest(new ByteArrayInputStream(CONTENT), DIGEST, CONTENT.length)).isEqualTo(DIGEST);
        assertThat(store.ingest(new ByteArrayInputStream(CONTENT), null, -1)).isEqualTo(DIGEST);
        assertThat(store.ingest(new ByteArrayInputStream(CONTENT), DIGEST, -1)).isEqualTo(DIGEST);
    }

    @Test
    void wrongDigestStoresNothing() throws IOException {
        Digest other = Digest.sha256(new byte[] {1});

        assertThatThrownBy(() -> store.ingest(new ByteArrayInputStream(CONTENT), other, CONTENT.length))
                .isInstanceOf(DigestMismatchException.class)
                .hasMessageContaining(other.toString()).hasMessageContaining(DIGEST.toString());
        assertThat(store.contains(other)).isFalse();
        assertThat(store.contains(DIGEST)).isFalse();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void wrongSizeStoresNothing() throws IOException {
        assertThatThrownBy(() -> store.ingest(new ByteArrayInputStream(CONTENT), DIGEST, CONTENT.length + 1))
                .isInstanceOf(DigestMismatchException.class).hasMessageContaining("size");
        assertThat(store.contains(DIGEST)).isFalse();
    }

    @Test
    void failingStreamStoresNothing() throws IOException {
        InputStream broken = new InputStream() {
            private int left = 3;

            @Override
            public int read() throws IOException {
                if (left == 0) {
                    throw new IOException("connection reset");
                }
                left--;
                return 'x';
            }
        };

        assertThatThrownBy(() -> store.ingest(broken, null, -1)).hasMessage("connection reset");
        assertThat(store.list()).isEmpty();
    }

    @Test
    void aWriterStoresOnlyWhenItCommits() throws IOException {
        try (BlobWriter writer = store.writer(DIGEST, CONTENT.length)) {
            writer.write(CONTENT, 0, 5);
            assertThat(store.contains(DIGEST)).isFalse();
            writer.write(CONTENT, 5, CONTENT.length - 5);
            writer.verify();
            assertThat(writer.commit()).isEqualTo(DIGEST);
        }
        assertThat(store.list()).containsExactly(DIGEST);

        Digest other = Digest.sha256(new byte[] {7});
        try (BlobWriter abandoned = store.writer(other, 1)) {
            abandoned.write(7);
        }
        assertThat(store.contains(other)).isFalse();
    }

    @Test
    void aWriterRefusesWrongContentAtOnce() throws IOException {
        try (BlobWriter writer = store.writer(DIGEST, CONTENT.length)) {
            writer.write(CONTENT, 0, 3);
            assertThatThrownBy(writer::verify).isInstanceOf(DigestMismatchException.class).hasMessageContaining("size");
            assertThatThrownBy(() -> writer.write(new byte[CONTENT.length], 0, CONTENT.length))
                    .isInstanceOf(IOException.class);
        }
        try (BlobWriter writer = store.writer(DIGEST, CONTENT.length)) {
            assertThatThrownBy(() -> writer.write(new byte[CONTENT.length + 1], 0, CONTENT.length + 1))
                    .isInstanceOf(DigestMismatchException.class).hasMessageContaining("size");
        }
        try (BlobWriter writer = store.writer(DIGEST, -1)) {
            writer.write(new byte[CONTENT.length], 0, CONTENT.length);
            assertThatThrownBy(writer::commit).isInstanceOf(DigestMismatchException.class);
        }
        assertThat(store.list()).isEmpty();
    }

    @Test
    void absentBlobsAreNotFound() throws IOException {
        assertThat(store.contains(DIGEST)).isFalse();
        assertThatThrownBy(() -> store.open(DIGEST)).isInstanceOf(BlobNotFoundException.class)
                .hasMessageContaining(DIGEST.toString());
        assertThatThrownBy(() -> store.path(DIGEST)).isInstanceOf(BlobNotFoundException.class);
        assertThatThrownBy(() -> store.size(DIGEST)).isInstanceOf(BlobNotFoundException.class);
        assertThatThrownBy(() -> store.delete(DIGEST)).isInstanceOf(BlobNotFoundException.class);
    }

    @Test
    void deleteRemoves() throws IOException {
        store.put(CONTENT);

        store.delete(DIGEST);

        assertThat(store.contains(DIGEST)).isFalse();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void putIsIdempotent() throws IOException {
        store.put(CONTENT);
        store.put(CONTENT);

        assertThat(store.list()).containsExactly(DIGEST);
    }
}
