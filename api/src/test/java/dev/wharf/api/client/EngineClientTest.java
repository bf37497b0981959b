package dev.wharf.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.api.stream.MultiplexedStream;
import dev.wharf.api.stream.StreamType;
import dev.wharf.api.types.ContainerConfig;
import dev.wharf.api.types.ContainerCreateRequest;
import dev.wharf.api.types.ProgressMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EngineClientTest {

    @Test
    void negotiatesVersionAndReadsChunkedJson() throws Exception {
        try (var engine = new FakeEngine((request, channel, in, out) -> {
            if (!FakeEngine.answeredPing(request, out)) {
                FakeEngine.respondChunked(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json",
                        "{\"Version\":\"1.0\",\"ApiVersion\":\"1.41\",", "\"Platform\":{\"Name\":\"Wharf\"}}");
            }
        })) {
            var version = engine.client().version();
            assertThat(version.apiVersion()).isEqualTo("1.41");
            assertThat(version.platform().name()).isEqualTo("Wharf");
            assertThat(engine.requests).extracting(FakeEngine.Request::method).containsExactly("HEAD", "GET");
            assertThat(engine.requests.get(1).target()).isEqualTo("/v1.41/version");
        }
    }

    @Test
    void capsNegotiatedVersionAndSendsJsonBody() throws Exception {
        try (var engine = new FakeEngine((request, channel, in, out) -> {
            if (request.target().equals("/_ping")) {
                FakeEngine.respond(out, "HTTP/1.1 200 OK\r\nApi-Version: 1.50\r\nContent-Length: 0", "");
            } else {
                FakeEngine.respond(out, "HTTP/1.1 201 Created\r\nContent-Type: application/json", "{\"Id\":\"abc\",\"Warnings\":[]}");
            }
        })) {
            var created = engine.client().containerCreate(ContainerCreateRequest.of(ContainerConfig.builder().image("busybox").build()), "web");
            assertThat(created.id()).isEqualTo("abc");
            var create = engine.requests.get(1);
            assertThat(create.target()).isEqualTo("/v1.44/containers/create?name=web");
            assertThat(create.headers()).containsEntry("Content-Type", "application/json");
            assertThat(new String(create.body(), StandardCharsets.UTF_8)).contains("\"Image\":\"busybox\"");
        }
    }

    @Test
    void daemonErrorBecomesEngineErrorException() throws Exception {
        try (var engine = new FakeEngine((request, channel, in, out) -> {
            if (!FakeEngine.answeredPing(request, out)) {
                FakeEngine.respond(out, "HTTP/1.1 404 Not Found\r\nContent-Type: application/json", "{\"message\":\"No such container: x\"}");
            }
        })) {
            assertThatThrownBy(() -> engine.client().containerInspect("x"))
                    .isInstanceOfSatisfying(EngineErrorException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.getMessage()).isEqualTo("No such container: x");
                    });
        }
    }

    @Test
    void missingSocketIsAConnectError() {
        var client = new EngineClient(new EngineHost.UnixSocket(Path.of("/nonexistent/wharf.sock")));
        assertThatThrownBy(client::ping).isInstanceOf(EngineConnectException.class);
    }

    @Test
    void attachHijacksAndHalfCloses() throws Exception {
        var sawStdinEof = new CountDownLatch(1);
        try (var engine = new FakeEngine((request, channel, in, out) -> {
            if (FakeEngine.answeredPing(request, out)) {
                return;
            }
            out.write(("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\n"
                    + "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            var stdin = in.readAllBytes(); // until the client's half-close
            sawStdinEof.countDown();
            out.write(MultiplexedStream.encode(StreamType.STDOUT, stdin));
            out.write(MultiplexedStream.encode(StreamType.STDERR, "bye\n".getBytes(StandardCharsets.UTF_8)));
        })) {
            try (var attach = engine.client().containerAttach("c1", true, true, true, true)) {
                attach.output().write("ping\n".getBytes(StandardCharsets.UTF_8));
                attach.closeWrite();
                var out = new ByteArrayOutputStream();
                var err = new ByteArrayOutputStream();
                MultiplexedStream.demultiplex(attach.input(), out, err);
                assertThat(sawStdinEof.await(5, TimeUnit.SECONDS)).isTrue();
                assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("ping\n");
                assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("bye\n");
            }
            var attachRequest = engine.requests.get(1);
            assertThat(attachRequest.target()).isEqualTo("/v1.41/containers/c1/attach?stderr=1&stdin=1&stdout=1&stream=1");
            assertThat(attachRequest.headers()).containsEntry("Upgrade", "tcp").containsEntry("Connection", "Upgrade");
        }
    }

    @Test
    void waitIsAcceptedAtOnceAndAnsweredLater() throws Exception {
        var release = new CountDownLatch(1);
        try (var engine = new FakeEngine((request, channel, in, out) -> {
            if (FakeEngine.answeredPing(request, out)) {
                return;
            }
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            try {
                release.await();
            } catch (InterruptedException e) {
                return;
            }
            String body = "{\"Error\":null,\"StatusCode\":3}\n";
            out.write((Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        })) {
            var client = engine.client();
            client.apiVersion();
            try (var wait = client.containerWait("c1", "next-exit")) {
                wait.accepted().get(5, TimeUnit.SECONDS);
                assertThat(wait.result()).isNotDone();
                release.countDown();
                assertThat(wait.await().statusCode()).isEqualTo(3);
            }
            assertThat(engine.requests.get(1).target()).isEqualTo("/v1.41/containers/c1/wait?condition=next-exit");
        }
    }

    @Test
    void importStreamsTarChunkedAndReportsInBandErrors() throws Exception {
        try (var engine = new FakeEngine((request, channel, in, out) -> {
            if (FakeEngine.answeredPing(request, out)) {
                return;
            }
            if (new String(request.body(), StandardCharsets.UTF_8).equals("bad")) {
                FakeEngine.respondChunked(out, "HTTP/1.1 200 OK", "{\"errorDetail\":{\"message\":\"not a tar\"},\"error\":\"not a tar\"}\n");
            } else {
                FakeEngine.respondChunked(out, "HTTP/1.1 200 OK", "{\"status\":\"sha256:", "abc\"}\n");
            }
        })) {
            var client = engine.client();
            var messages = new ArrayList<ProgressMessage>();
            client.imageImport(new ByteArrayInputStream("tar-bytes".getBytes(StandardCharsets.UTF_8)), "img:1",
                    List.of("ENV A=1", "LABEL b=2"), null, messages::add);
            assertThat(messages).extracting(ProgressMessage::status).containsExactly("sha256:abc");
            var request = engine.requests.get(1);
            assertThat(request.headers()).containsEntry("Transfer-Encoding", "chunked");
            assertThat(request.target()).isEqualTo("/v1.41/images/create?changes=ENV+A%3D1&changes=LABEL+b%3D2&fromSrc=-&repo=img%3A1");
            assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("tar-bytes");

            assertThatThrownBy(() -> client.imageImport(new ByteArrayInputStream("bad".getBytes(StandardCharsets.UTF_8)),
                    null, null, null, _ -> {})).isInstanceOf(EngineErrorException.class).hasMessage("not a tar");
        }
    }

    @Test
    void filtersUseTheCliMapForm() {
        assertThat(EngineClient.encodeFilters(Map.of("label", List.of("a=b")))).isEqualTo("{\"label\":{\"a=b\":true}}");
    }
}
