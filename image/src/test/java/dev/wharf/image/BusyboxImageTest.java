package dev.wharf.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BusyboxImageTest {
    @TempDir
    Path root;

    @BeforeEach
    void requireBusybox() {
        assumeTrue(Files.isExecutable(BusyboxImage.DEFAULT_BINARY), "needs a static busybox at /bin/busybox");
    }

    private Image createIn(Path dir) throws IOException {
        BlobStore blobs = new FileBlobStore(dir.resolve("content"));
        return BusyboxImage.create(blobs, new FileImageStore(dir.resolve("image"), blobs), BusyboxImage.DEFAULT_BINARY);
    }

    @Test
    void isReproducible() throws IOException {
        assertThat(createIn(root.resolve("a")).id()).isEqualTo(createIn(root.resolve("b")).id());
    }

    @Test
    void isTaggedAndConfiguredLikeDockersBusybox() throws IOException {
        BlobStore blobs = new FileBlobStore(root.resolve("content"));
        ImageStore images = new FileImageStore(root.resolve("image"), blobs);

        Image image = BusyboxImage.create(blobs, images, BusyboxImage.DEFAULT_BINARY);

        assertThat(images.lookup("busybox")).contains(image);
        ContainerConfig config = image.config().config();
        assertThat(config.cmd()).containsExactly("sh");
        assertThat(config.env()).containsExactly("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        assertThat(image.config().os()).isEqualTo("linux");
        assertThat(image.config().architecture()).isEqualTo(Platform.goArch(System.getProperty("os.arch")));
        Descriptor layer = image.manifest().layers().getFirst();
        assertThat(layer.mediaType()).isEqualTo(MediaTypes.OCI_LAYER_TAR);
        assertThat(image.config().rootfs().diffIds()).containsExactly(layer.digest());
    }

    @Test
    void layerUnpacksToARunnableTree() throws IOException {
        byte[] layer = BusyboxImage.layer(BusyboxImage.DEFAULT_BINARY);
        Path rootfs = Files.createDirectory(root.resolve("rootfs"));

        Digest diffId = new TarLayerApplier().apply(new ByteArrayInputStream(layer), rootfs);

        assertThat(diffId).isEqualTo(Digest.sha256(layer));
        assertThat(Files.isSameFile(rootfs.resolve("bin/sh"), rootfs.resolve("bin/busybox"))).isTrue();
        assertThat(Files.isExecutable(rootfs.resolve("bin/ls"))).isTrue();
        assertThat(Files.getAttribute(rootfs.resolve("tmp"), "unix:mode", LinkOption.NOFOLLOW_LINKS))
                .isEqualTo(041777);
        assertThat(Files.readAllLines(rootfs.resolve("etc/passwd"))).first().isEqualTo("root:x:0:0:root:/root:/bin/sh");
        assertThat(Files.readAllLines(rootfs.resolve("etc/passwd")))
                .contains("nobody:x:65534:65534:nobody:/home:/bin/false");
        assertThat(Files.readAllLines(rootfs.resolve("etc/group"))).contains("nogroup:x:65534:");
        for (String dir : List.of("dev", "proc", "sys", "root", "home", "var", "usr")) {
            assertThat(rootfs.resolve(dir)).isDirectory();
        }
    }
}
