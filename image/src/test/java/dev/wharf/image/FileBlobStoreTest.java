package dev.wharf.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlobStoreTest extends BlobStoreContract {
    @TempDir
    Path root;

    @Override
    protected BlobStore newStore() throws IOException {
        return new FileBlobStore(root);
    }

    @Test
    void usesContainerdLayoutAndReadOnlyFiles() throws IOException {
        Digest digest = store.put(new byte[] {42});

        Path blob = root.resolve("blobs/sha256").resolve(digest.encoded());
        assertThat(blob).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(blob))).isEqualTo("r--r--r--");
        try (var ingest = Files.list(root.resolve("ingest"))) {
            assertThat(ingest).isEmpty();
        }
    }

    @Test
    void removesStaleIngestsOnOpen() throws IOException {
        Path stale = Files.writeString(root.resolve("ingest").resolve("crashed"), "partial");

        new FileBlobStore(root);

        assertThat(stale).doesNotExist();
    }
}
