package dev.wharf.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ImageStore} must have; implementations subclass and supply a fresh store. */
abstract class ImageStoreContract {
    protected BlobStore blobs;
    protected ImageStore images;

    protected abstract BlobStore newBlobStore() throws IOException;

    protected abstract ImageStore newImageStore(BlobStore blobs) throws IOException;

    @BeforeEach
    void createStores() throws IOException {
        blobs = newBlobStore();
        images = newImageStore(blobs);
    }

    protected Descriptor layer(String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return Descriptor.of(MediaTypes.OCI_LAYER_TAR, blobs.put(bytes), bytes.length);
    }

    protected static ImageConfig config(String cmd, Descriptor... layers) {
        return new ImageConfig("2024-01-01T00:00:00Z", null, "amd64", "linux", null,
                ContainerConfig.builder().cmd(List.of(cmd)).build(),
                RootFs.layers(java.util.Arrays.stream(layers).map(Descriptor::digest).toList()), List.of());
    }

    @Test
    void createStoresConfigAndOciManifest() throws IOException {
        Descriptor layer = layer("layer");

        Image image = images.create(config("sh", layer), List.of(layer));

        assertThat(blobs.contains(image.id())).isTrue();
        assertThat(Json.read(blobs.open(image.id()).readAllBytes(), ImageConfig.class)).isEqualTo(image.config());
        Manifest manifest = Json.read(blobs.open(image.manifestDigest()).readAllBytes(), Manifest.class);
        assertThat(manifest.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThat(manifest.config().digest()).isEqualTo(image.id());
        assertThat(manifest.config().mediaType()).isEqualTo(MediaTypes.OCI_CONFIG);
        assertThat(manifest.layers()).containsExactly(layer);
        assertThat(images.get(image.id())).contains(image);
        assertThat(images.list()).containsExactly(image);
        assertThat(image.size()).isEqualTo(5);
    }

    @Test
    void createRequiresLayerBlobs() {
        Descriptor missing = Descriptor.of(MediaTypes.OCI_LAYER_TAR, Digest.sha256(new byte[] {9}), 1);

        assertThatThrownBy(() -> images.create(config("sh", missing), List.of(missing)))
                .isInstanceOf(BlobNotFoundException.class);
    }

    @Test
    void addRecordsAnExistingManifest() throws IOException {
        Descriptor layer = layer("l");
        byte[] configJson = Json.bytes(config("x", layer));
        Digest configDigest = blobs.put(configJson);
        Digest manifestDigest = blobs.put(Json.bytes(Manifest.oci(
                Descriptor.of(MediaTypes.OCI_CONFIG, configDigest, configJson.length), List.of(layer))));

        Image image = images.add(manifestDigest);

        assertThat(image.id()).isEqualTo(configDigest);
        assertThat(images.lookup(configDigest.toString())).contains(image);
    }

    @Test
    void lookupByReferenceIdAndPrefix() throws IOException {
        Image image = images.create(config("sh"), List.of());
        images.tag(ImageReference.parse("busybox"), image.id());
        String hex = image.id().encoded();

        assertThat(images.lookup("busybox")).contains(image);
        assertThat(images.lookup("busybox:latest")).contains(image);
        assertThat(images.lookup("docker.io/library/busybox:latest")).contains(image);
        assertThat(images.lookup(image.id().toString())).contains(image);
        assertThat(images.lookup(hex)).contains(image);
        assertThat(images.lookup(hex.substring(0, 12))).contains(image);
        assertThat(images.lookup("sha256:" + hex.substring(0, 12))).contains(image);
        assertThat(images.lookup("busybox:other")).isEmpty();
        assertThat(images.lookup("nothing")).isEmpty();
        assertThatThrownBy(() -> images.lookup("Busybox")).isInstanceOf(InvalidReferenceException.class);
    }

    @Test
    void ambiguousPrefixMatchesNothing() throws IOException {
        List<Image> created = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            created.add(images.create(config("cmd" + i), List.of()));
        }
        // With 40 random-looking IDs, two share a first hex digit.
        String shared = created.stream().map(i -> i.id().encoded().substring(0, 1))
                .filter(p -> created.stream().filter(i -> i.id().encoded().startsWith(p)).count() > 1)
                .findFirst().orElseThrow();

        assertThat(images.lookup(shared)).isEmpty();
    }

    @Test
    void tagMovesAndUntagRemoves() throws IOException {
        Image first = images.create(config("a"), List.of());
        Image second = images.create(config("b"), List.of());
        ImageReference ref = ImageReference.parse("app:v1");

        images.tag(ref, first.id());
        images.tag(ref, second.id());

        assertThat(images.references()).containsEntry(ref, second.id()).hasSize(1);
        assertThat(images.referencesTo(second.id())).containsExactly(ref);
        assertThat(images.referencesTo(first.id())).isEmpty();
        assertThat(images.untag(ref)).isTrue();
        assertThat(images.untag(ref)).isFalse();
        assertThat(images.lookup("app:v1")).isEmpty();
    }

    @Test
    void tagRequiresTheImage() {
        assertThatThrownBy(() -> images.tag(ImageReference.parse("x"), Digest.sha256(new byte[0])))
                .isInstanceOf(ImageNotFoundException.class).hasMessageStartingWith("No such image: sha256:");
    }

    @Test
    void deleteKeepsSharedLayers() throws IOException {
        Descriptor shared = layer("shared");
        Descriptor own = layer("own");
        Image keep = images.create(config("keep", shared), List.of(shared));
        Image drop = images.create(config("drop", shared, own), List.of(shared, own));

        images.delete(drop.id());

        assertThat(images.get(drop.id())).isEmpty();
        assertThat(blobs.contains(drop.id())).isFalse();
        assertThat(blobs.contains(drop.manifestDigest())).isFalse();
        assertThat(blobs.contains(own.digest())).isFalse();
        assertThat(blobs.contains(shared.digest())).isTrue();
        assertThat(images.get(keep.id())).isPresent();
    }

    @Test
    void parentsLinkStepImagesUntilTheChildGoes() throws IOException {
        Image base = images.create(config("base"), List.of());
        Image child = images.create(config("child"), List.of());
        Image grandchild = images.create(config("grandchild"), List.of());
        images.setParent(child.id(), base.id());
        images.setParent(grandchild.id(), child.id());

        assertThat(images.parent(grandchild.id())).contains(child.id());
        assertThat(images.children(base.id())).containsExactly(child.id());
        assertThat(images.parent(base.id())).isEmpty();

        images.delete(grandchild.id());
        assertThat(images.children(child.id())).isEmpty();
        assertThat(images.parent(child.id())).contains(base.id());
        assertThatThrownBy(() -> images.setParent(grandchild.id(), child.id())).isInstanceOf(ImageNotFoundException.class);
    }

    @Test
    void deleteRefusesAReferencedImage() throws IOException {
        Image image = images.create(config("sh"), List.of());
        images.tag(ImageReference.parse("busybox"), image.id());

        assertThatThrownBy(() -> images.delete(image.id())).isInstanceOf(ImageException.class)
                .hasMessageContaining("conflict").hasMessageContaining("busybox:latest");
    }

    @Test
    void concurrentTaggingLosesNothing() throws Exception {
        Image image = images.create(config("sh"), List.of());
        List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int n = i;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    images.tag(ImageReference.parse("app:t" + n), image.id());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(images.referencesTo(image.id())).hasSize(16);
    }
}
