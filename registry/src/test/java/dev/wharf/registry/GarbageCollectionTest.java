package dev.wharf.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.image.Digest;
import dev.wharf.image.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code wharf registry gc} against a serving registry: what it removes, what the grace period keeps. */
class GarbageCollectionTest {
    @TempDir
    Path root;

    @Test
    void removesOnlyUnreferencedBlobsOlderThanTheGracePeriod() throws Exception {
        try (TestRegistry registry = new TestRegistry(root)) {
            byte[] tagged = TestImages.pushImage(registry, "app", "kept", bytes("kept-layer"));
            registry.putManifest("app", "v1", MediaTypes.OCI_MANIFEST, tagged);
            byte[] untagged = TestImages.pushImage(registry, "app", "untagged", bytes("untagged-layer"));
            Digest untaggedDigest = Digest.sha256(untagged);
            registry.putManifest("app", untaggedDigest.toString(), MediaTypes.OCI_MANIFEST, untagged);
            Digest orphan = registry.pushBlob("app", bytes("orphan-layer"));
            Digest fresh = registry.pushBlob("app", bytes("fresh-layer")); // e.g. its manifest is being pushed
            ageEverythingBut(fresh);

            assertThat(gc("--dry-run")).isZero();
            assertThat(blob(orphan)).exists();

            assertThat(gc()).isZero();
            assertThat(blob(orphan)).doesNotExist();
            assertThat(registry.head("/v2/app/blobs/" + orphan).statusCode()).isEqualTo(404);
            assertThat(blob(fresh)).exists();
            assertThat(registry.get("/v2/app/manifests/" + untaggedDigest).statusCode()).isEqualTo(200);
            assertThat(registry.get("/v2/app/manifests/v1").statusCode()).isEqualTo(200);

            assertThat(gc("--delete-untagged")).isZero();
            assertThat(registry.get("/v2/app/manifests/" + untaggedDigest).statusCode()).isEqualTo(404);
            assertThat(blob(Digest.sha256(bytes("untagged-layer")))).doesNotExist();
            assertThat(blob(Digest.sha256(bytes("kept-layer")))).exists();
            assertThat(registry.get("/v2/app/blobs/" + Digest.sha256(bytes("kept-layer"))).body()).isEqualTo("kept-layer");
        }
    }

    private int gc(String... flags) {
        String[] args = Stream.concat(Stream.of("gc", "--root", root.toString()), Stream.of(flags)).toArray(String[]::new);
        return new CommandLine(new RegistryMain()).execute(args);
    }

    private void ageEverythingBut(Digest fresh) throws Exception {
        FileTime old = FileTime.from(Instant.now().minus(2, ChronoUnit.DAYS));
        try (Stream<Path> blobs = Files.list(root.resolve("blobs/sha256"))) {
            for (Path blob : blobs.toList()) {
                if (!blob.getFileName().toString().equals(fresh.encoded())) {
                    Files.setLastModifiedTime(blob, old);
                }
            }
        }
    }

    private Path blob(Digest digest) {
        return root.resolve("blobs/sha256/" + digest.encoded());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
