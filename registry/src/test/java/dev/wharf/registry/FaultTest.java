package dev.wharf.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.image.Digest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads that break off, registries that die mid-upload, and concurrent pushes of one layer. */
class FaultTest {
    @TempDir
    Path root;

    @Test
    void interruptedUploadResumesFromWhatArrived() throws Exception {
        byte[] blob = random(3 << 20);
        try (TestRegistry registry = new TestRegistry(root)) {
            String location = start(registry, "resume");
            // The client dies after 1 MiB: the body ends early and the connection is gone.
            assertThatThrownBy(() -> registry.send(registry.request(location).method("PATCH",
                    BodyPublishers.ofInputStream(() -> failingAfter(blob, 1 << 20))))).isInstanceOf(IOException.class);

            awaitSettled(registry, location); // the registry may still be writing what arrived
            long received = receivedSoFar(registry, location, blob);
            assertThat(received).isBetween(1L, (long) (1 << 20));
            finishFrom(registry, location, blob, received);
            assertThat(registry.get("/v2/resume/blobs/" + Digest.sha256(blob)).body().length()).isPositive();
        }
    }

    @Test
    void registryKilledMidUploadShowsNoPartialBlobAndTheSessionSurvives() throws Exception {
        byte[] blob = random(4 << 20);
        Digest digest = Digest.sha256(blob);
        int port = freePort();
        Process server = startProcess(port);
        String location;
        try (TestRegistry client = TestRegistry.client("http://127.0.0.1:" + port)) {
            location = start(client, "killed");
            CountDownLatch halfSent = new CountDownLatch(1);
            Thread upload = Thread.ofVirtual().start(() -> {
                try {
                    client.send(client.request(location + "?digest=" + digest).PUT(
                            BodyPublishers.ofInputStream(() -> slowAfter(blob, 2 << 20, halfSent))));
                } catch (IOException | InterruptedException expected) {
                    // the registry died under it
                }
            });
            assertThat(halfSent.await(60, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200); // let the first half reach the registry's disk
            server.destroyForcibly().waitFor();
            upload.join();
        }
        assertThat(root.resolve("blobs/sha256/" + digest.encoded())).doesNotExist();

        server = startProcess(port);
        try (TestRegistry client = TestRegistry.client("http://127.0.0.1:" + port)) {
            assertThat(client.head("/v2/killed/blobs/" + digest).statusCode()).isEqualTo(404);
            long received = receivedSoFar(client, location, blob);
            assertThat(received).isLessThan(blob.length);
            finishFrom(client, location, blob, received);
            assertThat(client.head("/v2/killed/blobs/" + digest).statusCode()).isEqualTo(200);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void uploadStatusAfterAGracefulRestart() throws Exception {
        byte[] blob = random(100_000);
        String location;
        try (TestRegistry registry = new TestRegistry(root)) {
            location = start(registry, "restart");
            patch(registry, location, blob, 0, 40_000);
        }
        try (TestRegistry registry = new TestRegistry(root)) {
            HttpResponse<String> status = registry.get(location);
            assertThat(status.statusCode()).isEqualTo(204);
            assertThat(status.headers().firstValue("Range")).hasValue("0-39999");
            assertThat(status.headers().firstValue("Location")).hasValue(location);
            finishFrom(registry, location, blob, 40_000);
        }
    }

    @Test
    void concurrentPushesOfOneLayerToTwoRepositories() throws Exception {
        byte[] layer = random(8 << 20);
        Digest digest = Digest.sha256(layer);
        try (TestRegistry registry = new TestRegistry(root); ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> pushes = new ArrayList<>();
            for (String repository : List.of("team-a/app", "team-b/app", "team-a/app", "team-b/app")) {
                pushes.add(pool.submit(() -> {
                    String location = start(registry, repository);
                    return registry.send(registry.request(location + "?digest=" + digest)
                            .PUT(BodyPublishers.ofByteArray(layer))).statusCode();
                }));
            }
            for (Future<Integer> push : pushes) {
                assertThat(push.get()).isEqualTo(201);
            }
            for (String repository : List.of("team-a/app", "team-b/app")) {
                HttpResponse<byte[]> get = registry.http.send(registry.request("/v2/" + repository + "/blobs/" + digest).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(Digest.sha256(get.body())).isEqualTo(digest);
            }
        }
        try (var blobs = Files.list(root.resolve("blobs/sha256"))) {
            assertThat(blobs.map(p -> p.getFileName().toString()).toList()).containsExactly(digest.encoded());
        }
        try (var sessions = Files.list(root.resolve("uploads"))) {
            assertThat(sessions).isEmpty();
        }
    }

    @Test
    void truncatedBodyIsNotCommitted() throws Exception {
        byte[] blob = random(50_000);
        Digest digest = Digest.sha256(blob);
        try (TestRegistry registry = new TestRegistry(root)) {
            assertThatThrownBy(() -> registry.send(registry.request("/v2/trunc/blobs/uploads/?digest=" + digest)
                    .POST(BodyPublishers.ofInputStream(() -> failingAfter(blob, 20_000))))).isInstanceOf(IOException.class);
            assertThat(registry.head("/v2/trunc/blobs/" + digest).statusCode()).isEqualTo(404);
        }
        assertThat(root.resolve("blobs/sha256/" + digest.encoded())).doesNotExist();
    }

    private static String start(TestRegistry registry, String repository) throws Exception {
        return registry.send(registry.request("/v2/" + repository + "/blobs/uploads/").POST(BodyPublishers.noBody()))
                .headers().firstValue("Location").orElseThrow();
    }

    /** Waits until the upload's status reads the same twice in a row. */
    private static void awaitSettled(TestRegistry registry, String location) throws Exception {
        String previous = null;
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> status = registry.get(location);
            String range = status.statusCode() + " " + status.headers().firstValue("Range").orElse("");
            if (range.equals(previous)) {
                return;
            }
            previous = range;
            Thread.sleep(100);
        }
    }

    private static long receivedSoFar(TestRegistry registry, String location, byte[] blob) throws Exception {
        HttpResponse<String> status = registry.get(location);
        assertThat(status.statusCode()).isEqualTo(204);
        String range = status.headers().firstValue("Range").orElseThrow();
        long last = Long.parseLong(range.substring(range.indexOf('-') + 1));
        if (last > 0) {
            return last + 1;
        }
        // "0-0" is both "nothing" and "one byte" (distribution's convention): sending the first byte
        // at 0-0 makes it one byte either way (202: it was empty; 416: the byte was there).
        HttpResponse<String> probe = registry.send(registry.request(location).header("Content-Range", "0-0")
                .method("PATCH", BodyPublishers.ofByteArray(blob, 0, 1)));
        assertThat(probe.statusCode()).isIn(202, 416);
        return 1;
    }

    private static void finishFrom(TestRegistry registry, String location, byte[] blob, long from) throws Exception {
        if (from < blob.length) {
            patch(registry, location, blob, (int) from, blob.length);
        }
        HttpResponse<String> done = registry.send(registry.request(location + "?digest=" + Digest.sha256(blob))
                .PUT(BodyPublishers.noBody()));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
    }

    private static void patch(TestRegistry registry, String location, byte[] blob, int from, int to) throws Exception {
        HttpResponse<String> response = registry.send(registry.request(location)
                .header("Content-Range", from + "-" + (to - 1))
                .method("PATCH", BodyPublishers.ofByteArray(blob, from, to - from)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private Process startProcess(int port) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "dev.wharf.registry.RegistryMain", "serve",
                "--addr", "127.0.0.1:" + port, "--root", root.toString(), "--no-access-log")
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()));
        String line;
        do {
            line = out.readLine();
        } while (line != null && !line.contains("listening on"));
        if (line == null) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the registry did not start");
        }
        Thread.ofVirtual().start(() -> out.lines().forEach(unused -> { })); // keep its pipe drained
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    /** A body that breaks off with an error after {@code limit} bytes, as a client that crashed. */
    private static InputStream failingAfter(byte[] content, int limit) {
        return new ScriptedBody(content, limit, content.length, null);
    }

    /** A body that sends {@code fast} bytes, signals, then trickles (so the registry can be killed mid-body). */
    private static InputStream slowAfter(byte[] content, int fast, CountDownLatch reached) {
        return new ScriptedBody(content, content.length + 1, fast, reached);
    }

    /** The content, failing at {@code failAt}, and from {@code slowFrom} on 1 KiB every 50 ms. */
    private static final class ScriptedBody extends InputStream {
        private final byte[] content;
        private final int failAt;
        private final int slowFrom;
        private final CountDownLatch slowed;
        private int position;

        ScriptedBody(byte[] content, int failAt, int slowFrom, CountDownLatch slowed) {
            this.content = content;
            this.failAt = failAt;
            this.slowFrom = slowFrom;
            this.slowed = slowed;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (position >= failAt) {
                throw new IOException("client crashed");
            }
            if (position >= content.length) {
                return -1;
            }
            int end = Math.min(content.length, failAt);
            if (position >= slowFrom) {
                slowed.countDown();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                length = Math.min(length, 1024);
            } else {
                end = Math.min(end, slowFrom);
            }
            int n = Math.min(length, end - position);
            System.arraycopy(content, position, target, offset, n);
            position += n;
            return n;
        }
    }
}
