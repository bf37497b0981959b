package dev.wharf.image.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.image.BlobWriter;
import dev.wharf.image.Digest;
import dev.wharf.image.DigestMismatchException;
import dev.wharf.image.FileBlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerPipeTest {
    private static final byte[] BODY = new byte[3 << 20];

    static {
        new Random(7).nextBytes(BODY);
    }

    @TempDir
    Path root;

    @Test
    void theUnpackerReadsWhatIsStoredAndTheEndComesAfterTheBlobWasVerified() throws IOException {
        FileBlobStore blobs = new FileBlobStore(root);
        Digest digest = Digest.sha256(BODY);
        AtomicReference<byte[]> unpacked = new AtomicReference<>();
        try (BlobWriter blob = blobs.writer(digest, BODY.length);
                LayerPipe pipe = new LayerPipe(new ByteArrayInputStream(BODY), blob)) {
            pipe.run(in -> unpacked.set(in.readAllBytes()));
            blob.commit();
        }
        assertThat(unpacked.get()).isEqualTo(BODY);
        assertThat(blobs.contains(digest)).isTrue();
    }

    @Test
    void aBlobThatIsNotTheManifestsFailsTheUnpackersLastRead() throws IOException {
        FileBlobStore blobs = new FileBlobStore(root);
        Digest other = Digest.sha256(new byte[] {1});
        AtomicReference<Throwable> seen = new AtomicReference<>();
        try (BlobWriter blob = blobs.writer(other, BODY.length);
                LayerPipe pipe = new LayerPipe(new ByteArrayInputStream(BODY), blob)) {
            assertThatThrownBy(() -> pipe.run(in -> {
                try {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                } catch (IOException e) {
                    seen.set(e);
                    throw new IOException("malformed layer tar", e);
                }
            })).isInstanceOf(DigestMismatchException.class);
        }
        assertThat(seen.get()).isInstanceOf(DigestMismatchException.class);
        assertThat(blobs.list()).isEmpty();
    }

    @Test
    void anUnpackerThatFailsEarlyOnAGoodBlobIsTheFailureAndTheBlobIsStillWhole() throws IOException {
        FileBlobStore blobs = new FileBlobStore(root);
        Digest digest = Digest.sha256(BODY);
        try (BlobWriter blob = blobs.writer(digest, BODY.length);
                LayerPipe pipe = new LayerPipe(new ByteArrayInputStream(BODY), blob)) {
            assertThatThrownBy(() -> pipe.run(in -> {
                in.readNBytes(10);
                throw new IOException("refusing layer entry ../x");
            })).hasMessage("refusing layer entry ../x");
            assertThat(blob.commit()).isEqualTo(digest); // the rest was downloaded and verified
        }
    }

    @Test
    void aDroppedConnectionIsTheFailureAndNothingIsStored() throws IOException {
        FileBlobStore blobs = new FileBlobStore(root);
        InputStream cut = new SequenceInputStream(new ByteArrayInputStream(BODY, 0, 1 << 20), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        });
        try (BlobWriter blob = blobs.writer(Digest.sha256(BODY), BODY.length);
                LayerPipe pipe = new LayerPipe(cut, blob)) {
            assertThatThrownBy(() -> pipe.run(in -> {
                try {
                    in.readAllBytes();
                } catch (IOException e) {
                    throw new IOException("malformed layer tar: " + e.getMessage(), e);
                }
            })).hasMessage("connection reset");
        }
        assertThat(blobs.list()).isEmpty();
    }

    @Test
    void aClientThatWentAwayEndsBothStages() throws IOException {
        FileBlobStore blobs = new FileBlobStore(root);
        InputStream failingProgress = new SequenceInputStream(new ByteArrayInputStream(BODY, 0, 1 << 20),
                new InputStream() {
                    @Override
                    public int read() {
                        throw new java.io.UncheckedIOException(new IOException("broken pipe"));
                    }
                });
        try (BlobWriter blob = blobs.writer(Digest.sha256(BODY), BODY.length);
                LayerPipe pipe = new LayerPipe(failingProgress, blob)) {
            assertThatThrownBy(() -> pipe.run(InputStream::readAllBytes))
                    .isInstanceOf(java.io.UncheckedIOException.class);
        }
        assertThat(blobs.list()).isEmpty();
    }

    @Test
    void withoutAnUnpackerTheBlobIsOnlyStored() throws IOException {
        FileBlobStore blobs = new FileBlobStore(root);
        Digest digest = Digest.sha256(BODY);
        try (BlobWriter blob = blobs.writer(digest, BODY.length);
                LayerPipe pipe = new LayerPipe(new ByteArrayInputStream(BODY), blob)) {
            pipe.run(null);
            blob.commit();
        }
        assertThat(blobs.contains(digest)).isTrue();
    }
}
