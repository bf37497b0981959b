package dev.wharf.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.engine.errors.ConflictException;
import dev.wharf.image.InvalidReferenceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private HttpServer server;
    private final CountDownLatch releaseStream = new CountDownLatch(1);
    private final CountDownLatch clientWentAway = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        Router router = new Router();
        router.add("GET", "/echo/{name}", ex -> ex.respondJson(200,
                Map.of("name", ex.pathParam("name"), "version", ex.apiVersion().toString(), "path", ex.path(),
                        "flag", ex.queryFlag("all", false))));
        router.add("GET", "/images/{name:.*}/json", ex -> ex.respondJson(200, Map.of("name", ex.pathParam("name"))));
        router.add("GET", "/images/json", ex -> ex.respondJson(200, Map.of("list", true)));
        router.add("POST", "/upload", ex -> {
            long count = 0;
            byte[] buffer = new byte[8192];
            int n;
            InputStream body = ex.body();
            while ((n = body.read(buffer)) >= 0) {
                count += n;
            }
            ex.respondJson(200, Map.of("bytes", count));
        });
        router.add("POST", "/json", ex -> ex.respondJson(200, String.valueOf(ex.bodyJson(Map.class))));
        router.add("GET", "/stream", ex -> {
            try (OutputStream out = ex.respondStream(200, "application/json")) {
                out.write("{\"n\":1}\n".getBytes(StandardCharsets.UTF_8));
                releaseStream.await(5, TimeUnit.SECONDS);
                out.write("{\"n\":2}\n".getBytes(StandardCharsets.UTF_8));
            }
        });
        router.add("POST", "/attach", ex -> {
            try (Exchange.Hijacked raw = ex.hijack("application/vnd.docker.raw-stream")) {
                byte[] stdin = raw.in().readAllBytes(); // until the client half-closes
                raw.out().write(("got:" + new String(stdin, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            }
        });
        router.add("GET", "/wait", ex -> {
            ex.clientGone().toCompletableFuture().get(5, TimeUnit.SECONDS);
            clientWentAway.countDown();
        });
        router.add("GET", "/fail/conflict", ex -> {
            throw new ConflictException("conflict: it is in use");
        });
        router.add("GET", "/fail/reference", ex -> {
            throw new InvalidReferenceException("invalid reference format");
        });
        router.add("GET", "/fail/bug", ex -> {
            throw new IllegalStateException("boom");
        });
        server = HttpServer.start(dir.resolve("wharf.sock"), router, JSON);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesRoutesUnversionedAndVersionedWithDockerHeaders() throws IOException {
        try (RawHttp http = client()) {
            RawHttp.Response plain = http.request("GET", "/echo/abc?all=1");
            assertThat(plain.status()).isEqualTo(200);
            assertThat(json(plain)).containsEntry("name", "abc").containsEntry("version", "1.44")
                    .containsEntry("path", "/echo/abc").containsEntry("flag", true);
            assertThat(plain.header("Api-Version")).isEqualTo("1.44");
            assertThat(plain.header("Ostype")).isEqualTo("linux");
            assertThat(plain.header("Docker-Experimental")).isEqualTo("false");
            assertThat(plain.header("Server")).isNotBlank();
            assertThat(plain.header("Content-Type")).isEqualTo("application/json");

            RawHttp.Response versioned = http.request("GET", "/v1.41/echo/abc");
            assertThat(json(versioned)).containsEntry("version", "1.41").containsEntry("path", "/echo/abc");
            assertThat(json(http.request("GET", "/v1.24/echo/x"))).containsEntry("version", "1.24");
        }
    }

    @Test
    void rejectsVersionsOutsideTheSupportedRange() throws IOException {
        try (RawHttp http = client()) {
            RawHttp.Response tooNew = http.request("GET", "/v1.99/echo/x");
            assertThat(tooNew.status()).isEqualTo(400);
            assertThat(json(tooNew)).containsEntry("message",
                    "client version 1.99 is too new. Maximum supported API version is 1.44");
            RawHttp.Response tooOld = http.request("GET", "/v1.12/echo/x");
            assertThat(tooOld.status()).isEqualTo(400);
            assertThat(tooOld.header("Content-Type")).startsWith("text/plain");
            assertThat(tooOld.text()).isEqualTo("client version 1.12 is too old. Minimum supported API version is "
                    + "1.24, please upgrade your client to a newer version\n");
        }
    }

    @Test
    void unknownPathsAndWrongMethodsAre404() throws IOException {
        try (RawHttp http = client()) {
            RawHttp.Response unknown = http.request("GET", "/v1.44/nonexistent-endpoint");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(json(unknown)).containsEntry("message", "page not found");
            assertThat(http.request("DELETE", "/echo/abc").status()).isEqualTo(404);
        }
    }

    @Test
    void greedySegmentsTakeNamesWithSlashesAndLiteralRoutesWin() throws IOException {
        try (RawHttp http = client()) {
            assertThat(json(http.request("GET", "/images/localhost:5000/team/app:1/json")))
                    .containsEntry("name", "localhost:5000/team/app:1");
            assertThat(json(http.request("GET", "/v1.44/images/busybox/json"))).containsEntry("name", "busybox");
            assertThat(json(http.request("GET", "/images/json"))).containsEntry("list", true);
            assertThat(json(http.request("GET", "/images/a%2Fb/json"))).containsEntry("name", "a/b");
        }
    }

    @Test
    void keepsTheConnectionAliveAndAnswersPipelinedRequestsInOrder() throws IOException {
        try (RawHttp http = client()) {
            http.send("GET /echo/one HTTP/1.1\r\nHost: x\r\n\r\nGET /echo/two HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                    + "GET /echo/three HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(json(http.read(false))).containsEntry("name", "one");
            assertThat(json(http.read(false))).containsEntry("name", "two");
            assertThat(json(http.read(false))).containsEntry("bytes", 5);
            assertThat(json(http.read(false))).containsEntry("name", "three");
        }
    }

    @Test
    void streamsALargeChunkedRequestBody() throws IOException {
        try (RawHttp http = client()) {
            http.send("POST /v1.44/upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n");
            byte[] chunk = new byte[64 * 1024];
            int chunks = 80; // 5 MiB: more than the pipe buffers before pausing the socket
            for (int i = 0; i < chunks; i++) {
                http.out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                http.out.write(chunk);
                http.out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            http.send("0\r\n\r\n");
            RawHttp.Response response = http.read(false);
            assertThat(json(response)).containsEntry("bytes", chunks * chunk.length);
            assertThat(json(http.request("GET", "/echo/after"))).containsEntry("name", "after");
        }
    }

    @Test
    void flushesEachWriteOfAStreamedResponse() throws IOException {
        try (RawHttp http = client()) {
            http.send("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
            RawHttp.Response head = http.readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(new String(http.readChunk(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}\n");
            releaseStream.countDown(); // the second object exists only now
            assertThat(new String(http.readChunk(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":2}\n");
            assertThat(http.readChunk()).isNull();
            assertThat(json(http.request("GET", "/echo/next"))).containsEntry("name", "next");
        }
    }

    @Test
    void hijacksWithUpgradeAndTreatsHalfCloseAsStdinEof() throws IOException {
        try (RawHttp http = client()) {
            http.send("POST /v1.44/attach HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n"
                    + "Content-Type: text/plain\r\n\r\n");
            RawHttp.Response head = http.readHead();
            assertThat(head.status()).isEqualTo(101);
            assertThat(head.reason()).isEqualTo("UPGRADED");
            assertThat(head.headers()).containsExactly(
                    Map.entry("content-type", "application/vnd.docker.raw-stream"),
                    Map.entry("connection", "Upgrade"),
                    Map.entry("upgrade", "tcp"));
            http.send("hello stdin");
            http.channel.shutdownOutput();
            assertThat(new String(http.in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("got:hello stdin");
        }
    }

    @Test
    void hijacksWithoutUpgradeAsPlain200() throws IOException {
        try (RawHttp http = client()) {
            http.send("POST /attach HTTP/1.1\r\nHost: x\r\n\r\n");
            RawHttp.Response head = http.readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.headers()).containsExactly(Map.entry("content-type", "application/vnd.docker.raw-stream"));
            http.channel.shutdownOutput();
            assertThat(new String(http.in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("got:");
        }
    }

    @Test
    void mapsFailuresToDockerErrorReplies() throws IOException {
        try (RawHttp http = client()) {
            RawHttp.Response conflict = http.request("GET", "/fail/conflict");
            assertThat(conflict.status()).isEqualTo(409);
            assertThat(json(conflict)).containsEntry("message", "conflict: it is in use");
            RawHttp.Response reference = http.request("GET", "/fail/reference");
            assertThat(reference.status()).isEqualTo(400);
            assertThat(json(reference)).containsEntry("message", "invalid reference format");
            RawHttp.Response bug = http.request("GET", "/fail/bug");
            assertThat(bug.status()).isEqualTo(500);
            assertThat(json(bug)).containsEntry("message", "boom");
        }
    }

    @Test
    void checksJsonBodiesLikeDocker() throws IOException {
        try (RawHttp http = client()) {
            http.send("POST /json HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\n{}");
            RawHttp.Response wrongType = http.read(false);
            assertThat(wrongType.status()).isEqualTo(400);
            assertThat(json(wrongType)).containsEntry("message",
                    "Content-Type specified (text/plain) must be 'application/json'");

            http.send("POST /json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 9\r\n\r\n{\"Image\":");
            RawHttp.Response truncated = http.read(false);
            assertThat(truncated.status()).isEqualTo(500);
            assertThat(json(truncated)).containsEntry("message", "unexpected EOF");

            http.send("POST /json HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
            assertThat(http.read(false).text()).isEqualTo("\"null\"\n");

            http.send("POST /json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json; charset=utf-8\r\n"
                    + "Content-Length: 9\r\n\r\n{\"a\":\"b\"}");
            assertThat(http.read(false).text()).isEqualTo("\"{a=b}\"\n");
        }
    }

    @Test
    void tellsTheHandlerWhenTheClientGoesAway() throws Exception {
        RawHttp http = client();
        http.send("GET /wait HTTP/1.1\r\nHost: x\r\n\r\n");
        Thread.sleep(100);
        http.close();
        assertThat(clientWentAway.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void socketIsRootOnlyAndAStaleSocketIsReplaced() throws IOException {
        Path socket = dir.resolve("wharf.sock");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
        server.close();
        Files.createFile(socket); // left behind by a crash, nobody listens
        server = HttpServer.start(socket, new Router(), JSON);
        try (RawHttp http = client()) {
            assertThat(http.request("GET", "/_ping").status()).isEqualTo(404);
        }
    }

    private RawHttp client() throws IOException {
        return new RawHttp(dir.resolve("wharf.sock"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(RawHttp.Response response) throws IOException {
        return JSON.readValue(response.body(), Map.class);
    }
}
