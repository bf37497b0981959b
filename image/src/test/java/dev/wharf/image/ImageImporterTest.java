package dev.wharf.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageImporterTest {
    @TempDir
    Path root;

    private BlobStore blobs;
    private ImageStore images;
    private ImageImporter importer;

    @BeforeEach
    void createStores() throws IOException {
        blobs = new FileBlobStore(root.resolve("content"));
        images = new FileImageStore(root.resolve("image"), blobs);
        importer = new ImageImporter(blobs, images);
    }

    private static byte[] rootfs() throws IOException {
        return TarLayerApplierTest.tar(t -> t.file("hello", 0644, "hi".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void importsAGzipTarballAsOneUncompressedLayer() throws IOException {
        byte[] tar = rootfs();

        Image image = importer.importRootfs(new ByteArrayInputStream(TarLayerApplierTest.gzip(tar)),
                List.of("CMD [\"/hello\"]", "ENV A=1 B=\"two words\"", "WORKDIR /app", "EXPOSE 80 53/udp"),
                "imported", ImageReference.parse("imported:v1"));

        Descriptor layer = image.manifest().layers().getFirst();
        assertThat(layer.digest()).isEqualTo(Digest.sha256(tar));
        assertThat(layer.mediaType()).isEqualTo(MediaTypes.OCI_LAYER_TAR);
        assertThat(image.config().rootfs().diffIds()).containsExactly(Digest.sha256(tar));
        ContainerConfig config = image.config().config();
        assertThat(config.cmd()).containsExactly("/hello");
        assertThat(config.env()).containsExactly("A=1", "B=two words");
        assertThat(config.workingDir()).isEqualTo("/app");
        assertThat(config.exposedPorts()).containsOnlyKeys("80/tcp", "53/udp");
        assertThat(image.config().history()).singleElement()
                .satisfies(h -> {
                    assertThat(h.comment()).isEqualTo("imported");
                    assertThat(h.createdBy()).isNull();
                });
        assertThat(images.lookup("imported:v1")).contains(image);
    }

    @Test
    void importsAPlainTarballWithoutTag() throws IOException {
        Image image = importer.importRootfs(new ByteArrayInputStream(rootfs()), List.of(), "", null);

        assertThat(images.get(image.id())).contains(image);
        assertThat(images.references()).isEmpty();
        assertThat(image.config().history().getFirst().comment()).isNull();
    }

    @Test
    void rejectsInvalidChangesBeforeStoring() throws IOException {
        assertThatThrownBy(() -> importer.importRootfs(new ByteArrayInputStream(rootfs()), List.of("RUN echo"), "", null))
                .isInstanceOf(InvalidChangeException.class).hasMessage("run is not a valid change command");
        assertThat(blobs.list()).isEmpty();
    }

    @Test
    void rejectsMalformedTarballsAndStoresNothing() throws IOException {
        byte[] garbage = "this is not a tar archive, not at all, definitely not".repeat(20).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> importer.importRootfs(new ByteArrayInputStream(garbage), List.of(), "", null))
                .isInstanceOf(LayerException.class).hasMessageContaining("invalid tar archive");
        assertThat(blobs.list()).isEmpty();
        assertThat(images.list()).isEmpty();
    }

    @Test
    void rejectsTruncatedGzip() throws IOException {
        byte[] gz = TarLayerApplierTest.gzip(rootfs());
        byte[] truncated = java.util.Arrays.copyOf(gz, gz.length / 2);

        assertThatThrownBy(() -> importer.importRootfs(new ByteArrayInputStream(truncated), List.of(), "", null))
                .isInstanceOf(LayerException.class);
        assertThat(blobs.list()).isEmpty();
    }
}
