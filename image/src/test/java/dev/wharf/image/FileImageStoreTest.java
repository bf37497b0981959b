package dev.wharf.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileImageStoreTest extends ImageStoreContract {
    @TempDir
    Path root;

    @Override
    protected BlobStore newBlobStore() throws IOException {
        return new FileBlobStore(root.resolve("content"));
    }

    @Override
    protected ImageStore newImageStore(BlobStore blobs) throws IOException {
        return new FileImageStore(root.resolve("image"), blobs);
    }

    @Test
    void survivesARestart() throws IOException {
        Image image = images.create(config("sh"), List.of());
        images.tag(ImageReference.parse("busybox"), image.id());
        Image child = images.create(config("child"), List.of());
        images.setParent(child.id(), image.id());

        ImageStore reopened = new FileImageStore(root.resolve("image"), new FileBlobStore(root.resolve("content")));

        assertThat(reopened.lookup("busybox")).contains(image);
        assertThat(reopened.parent(child.id())).contains(image.id());
        assertThat(root.resolve("image/images").resolve(image.id().encoded()))
                .hasContent(image.manifestDigest().toString());
    }

    @Test
    void writesDockersRepositoriesLayout() throws IOException {
        Image image = images.create(config("sh"), List.of());
        images.tag(ImageReference.parse("busybox"), image.id());

        assertThat(Files.readString(root.resolve("image/repositories.json")))
                .isEqualTo("{\"Repositories\":{\"busybox\":{\"busybox:latest\":\"" + image.id() + "\"}}}");
        try (var files = Files.list(root.resolve("image"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("images", "parents", "repositories.json");
        }
    }
}
