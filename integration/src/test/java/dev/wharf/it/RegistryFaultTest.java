package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Pulls that go wrong halfway, through a fault-injecting proxy in front of docker-registry: a dropped
 * connection and a killed wharfd leave no image and the next pull downloads only what was missing;
 * two concurrent pulls of images sharing a layer download it once.
 */
@EnabledIf("dev.wharf.it.LoopbackRegistry#isCncfInstalled")
class RegistryFaultTest extends EndToEndTest {
    private LoopbackRegistry registry;
    private RegistryWriter writer;

    @BeforeAll
    void startRegistry() throws Exception {
        registry = LoopbackRegistry.cncf(root.resolve("registry"), null, null);
        writer = new RegistryWriter(registry.address());
    }

    @AfterAll
    void stopRegistry() throws Exception {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void aDroppedConnectionLeavesNoImageAndTheRetryReusesFinishedLayers() throws Exception {
        List<String> layers = pushImage("fault/cut", "1", List.of(small("one"), small("two"), big(2 << 20, 1)));
        try (FaultProxy proxy = new FaultProxy(registry.address())) {
            String image = proxy.address() + "/fault/cut:1";
            proxy.cutOnce(layers.get(2));
            CommandResult failed = wharf.run("pull", image);
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
            assertThat(wharf.run("inspect", "--type", "image", image).exitCode()).isNotZero();

            String retried = wharfOk("pull", image);
            assertThat(retried).contains(layers.get(0).substring(7, 19) + ": Already exists",
                    layers.get(1).substring(7, 19) + ": Already exists", "Pull complete");
            assertThat(proxy.blobGets(layers.get(0))).isEqualTo(1);
            assertThat(proxy.blobGets(layers.get(1))).isEqualTo(1);
            assertThat(proxy.blobGets(layers.get(2))).isEqualTo(2);
            assertThat(wharfOk("run", "--rm", image, "cat", "/one.txt")).isEqualTo("one\n");
            wharfOk("rmi", image);
        }
    }

    @Test
    void aDaemonKilledMidPullLeavesNoImageAndTheNextPullResumes() throws Exception {
        List<String> layers = pushImage("fault/kill", "1", List.of(small("first"), big(1 << 20, 2)));
        try (FaultProxy proxy = new FaultProxy(registry.address())) {
            String image = proxy.address() + "/fault/kill:1";
            proxy.holdUntilManifests(layers.get(1), Integer.MAX_VALUE);
            CompletableFuture<CommandResult> pull = inBackground(() -> wharf.run("pull", image));
            awaitBlob(layers.get(0));
            daemon.kill();
            assertThat(pull.join().exitCode()).isNotZero();
            proxy.release();
            daemon.start();
            assertThat(wharf.run("inspect", "--type", "image", image).exitCode()).isNotZero();

            assertThat(wharfOk("pull", image)).contains(layers.get(0).substring(7, 19) + ": Already exists");
            assertThat(proxy.blobGets(layers.get(0))).isEqualTo(1);
            assertThat(wharfOk("run", "--rm", image, "cat", "/first.txt")).isEqualTo("first\n");
            wharfOk("rmi", image);
        }
    }

    @Test
    void concurrentPullsDownloadASharedLayerOnce() throws Exception {
        byte[] shared = big(4 << 20, 3);
        String sharedDigest = pushImage("shared/a", "1", List.of(shared, small("a"))).getFirst();
        pushImage("shared/b", "1", List.of(shared, small("b")));
        try (FaultProxy proxy = new FaultProxy(registry.address())) {
            proxy.holdUntilManifests(sharedDigest, 2); // both pulls have begun before the layer moves
            String a = proxy.address() + "/shared/a:1";
            String b = proxy.address() + "/shared/b:1";
            CompletableFuture<CommandResult> first = inBackground(() -> wharf.run("pull", a));
            CompletableFuture<CommandResult> second = inBackground(() -> docker.run("pull", b));
            assertThat(first.join().exitCode()).as(first.join().toString()).isZero();
            assertThat(second.join().exitCode()).as(second.join().toString()).isZero();
            assertThat(proxy.blobGets(sharedDigest)).isEqualTo(1);
            assertThat(wharfOk("run", "--rm", b, "cat", "/b.txt")).isEqualTo("b\n");
            wharfOk("rmi", a, b);
        }
    }

    /** On a thread of its own: the common pool may have a single thread on a small machine. */
    private static CompletableFuture<CommandResult> inBackground(Supplier<CommandResult> command) {
        CompletableFuture<CommandResult> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                result.complete(command.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Waits (bounded) until the daemon's blob store holds the blob: the first layer of a pull is done. */
    private void awaitBlob(String digest) throws InterruptedException {
        Path blob = daemon.dataRoot().resolve("content/blobs/sha256").resolve(digest.substring("sha256:".length()));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!Files.exists(blob)) {
            assertThat(Instant.now()).as("layer %s never arrived", digest).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    /** A Docker schema 2 image of gzip layers (each layer tar given uncompressed); returns the layer digests. */
    private List<String> pushImage(String repo, String tag, List<byte[]> layerTars) throws Exception {
        List<String> digests = new ArrayList<>();
        StringBuilder diffIds = new StringBuilder();
        StringBuilder descriptors = new StringBuilder();
        for (byte[] tar : layerTars) {
            byte[] gz = RegistryWriter.gzip(tar);
            String digest = writer.blob(repo, gz);
            digests.add(digest);
            diffIds.append(diffIds.isEmpty() ? "" : ",").append('"').append(RegistryWriter.sha256(tar)).append('"');
            descriptors.append(descriptors.isEmpty() ? "" : ",").append("""
                    {"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":%d,"digest":"%s"}"""
                    .formatted(gz.length, digest));
        }
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"sh\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + diffIds + "]}}").getBytes(StandardCharsets.UTF_8);
        String configDigest = writer.blob(repo, config);
        writer.manifest(repo, tag, "application/vnd.docker.distribution.manifest.v2+json", """
                {"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",\
                "config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":%d,"digest":"%s"},\
                "layers":[%s]}""".formatted(config.length, configDigest, descriptors));
        return digests;
    }

    /** A layer with busybox (so the image runs) and a file named after its content. */
    private static byte[] small(String name) throws Exception {
        return Tarballs.tar(Tarballs.directory("bin"), Tarballs.file("bin/sh", Files.readAllBytes(Path.of("/bin/busybox")), 0755),
                Tarballs.symlink("bin/cat", "sh"), Tarballs.file(name + ".txt", name + "\n"));
    }

    /** A layer of incompressible bytes, so transfers take a while and gzip cannot shrink it. */
    private static byte[] big(int size, long seed) throws Exception {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return Tarballs.tar(Tarballs.file("random-" + seed + ".bin", data, 0644));
    }
}
