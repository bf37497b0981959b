package dev.wharf.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.api.stream.MultiplexedStream;
import dev.wharf.api.stream.StreamType;
import dev.wharf.cli.CliStreams;
import dev.wharf.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int wharf(String host, String... args) {
        var all = new String[args.length + 2];
        all[0] = "-H";
        all[1] = host;
        System.arraycopy(args, 0, all, 2, args.length);
        return Main.run(all, CliStreams.of(new ByteArrayInputStream(new byte[0]), out, err, Map.of()));
    }

    @Test
    void runFollowsDockersChoreography() throws Exception {
        try (var engine = new ScriptedEngine((request, channel, in, o) -> {
            switch (request.path()) {
                case "/v1.41/containers/create" -> ScriptedEngine.respond(o, 201, "{\"Id\":\"c0ffee\",\"Warnings\":[]}", "");
                case "/v1.41/containers/c0ffee/attach" -> {
                    o.write("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    in.readAllBytes(); // the CLI half-closes at once without -i
                    Thread.sleep(100); // until start
                    o.write(MultiplexedStream.encode(StreamType.STDOUT, "hi\n".getBytes(StandardCharsets.UTF_8)));
                    o.write(MultiplexedStream.encode(StreamType.STDERR, "warn\n".getBytes(StandardCharsets.UTF_8)));
                }
                case "/v1.41/containers/c0ffee/wait" -> {
                    o.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    Thread.sleep(300);
                    String body = "{\"Error\":null,\"StatusCode\":7}";
                    o.write((Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                case "/v1.41/containers/c0ffee/start" -> o.write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                default -> ScriptedEngine.respond(o, 404, "{\"message\":\"page not found\"}", "");
            }
        })) {
            int exit = wharf(engine.host(), "run", "--rm", "-e", "A=1", "busybox", "sh", "-c", "echo hi");
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hi\n");
            assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("warn\n");
            assertThat(exit).isEqualTo(7);
            var create = engine.requests.stream().filter(r -> r.path().endsWith("/create")).findFirst().orElseThrow();
            assertThat(create.body()).contains("\"Cmd\":[\"sh\",\"-c\",\"echo hi\"]", "\"AutoRemove\":true", "\"Env\":[\"A=1\"]",
                    "\"AttachStdout\":true");
            assertThat(engine.requests).anySatisfy(r -> assertThat(r.target()).endsWith("/wait?condition=removed"));
        }
    }

    @Test
    void runReportsStartErrorsWithDockersExitCodes() throws Exception {
        try (var engine = new ScriptedEngine((request, channel, in, o) -> {
            switch (request.path()) {
                case "/v1.41/containers/create" -> ScriptedEngine.respond(o, 201, "{\"Id\":\"bad\",\"Warnings\":[]}", "");
                case "/v1.41/containers/bad/wait" ->
                        o.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                default -> ScriptedEngine.respond(o, 400,
                        "{\"message\":\"exec: \\\"/no/such\\\": stat /no/such: no such file or directory: unknown\"}", "");
            }
            in.readAllBytes();
        })) {
            int exit = wharf(engine.host(), "run", "-d", "busybox", "/no/such");
            assertThat(exit).isEqualTo(127);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .startsWith("wharf: Error response from daemon: exec: \"/no/such\": stat /no/such: no such file or directory")
                    .contains("Run 'wharf run --help' for more information");
        }
    }

    @Test
    void psPrintsDockersTable() throws Exception {
        long created = System.currentTimeMillis() / 1000 - 125;
        try (var engine = new ScriptedEngine((request, channel, in, o) -> ScriptedEngine.respond(o, 200, """
        [{"Id":"227f85c7257a9ccfff8548178c39b1687582bb9615abc694ad09168410195b71","Names":["/ref-x"],"Image":"busybox",
          "Command":"sh -c 'echo hello-stdout; echo hello-stderr >&2'","Created":%d,"Ports":[],"State":"running",
          "Status":"Up 57 seconds"}]""".formatted(created), ""))) {
            assertThat(wharf(engine.host(), "ps", "-a")).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
          CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS          PORTS     NAMES
          227f85c7257a   busybox   "sh -c 'echo hello-s…"   2 minutes ago   Up 57 seconds             ref-x
          """);
            assertThat(engine.requests.get(1).target()).isEqualTo("/v1.41/containers/json?all=1");
        }
    }

    @Test
    void daemonErrorsAndUnreachableDaemon() throws Exception {
        try (var engine = new ScriptedEngine((request, channel, in, o) ->
                ScriptedEngine.respond(o, 409, "{\"message\":\"You cannot remove a running container x\"}", ""))) {
            assertThat(wharf(engine.host(), "rm", "x", "y")).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                    "Error response from daemon: You cannot remove a running container x\n".repeat(2));
        }
        err.reset();
        assertThat(wharf("unix:///nonexistent/wharf.sock", "images")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("Cannot connect to the wharf daemon at unix:///nonexistent/wharf.sock. Is the wharf daemon running?\n");
    }

    @Test
    void inspectFallsBackToImagesAndIndentsLikeDocker() throws Exception {
        try (var engine = new ScriptedEngine((request, channel, in, o) -> {
            if (request.path().startsWith("/v1.41/containers/")) {
                ScriptedEngine.respond(o, 404, "{\"message\":\"No such container: busybox\"}", "");
            } else if (request.path().equals("/v1.41/images/busybox/json")) {
                ScriptedEngine.respond(o, 200, "{\"Id\":\"sha256:d4\",\"RepoTags\":[\"busybox:latest\"],\"RepoDigests\":[]}", "");
            } else {
                ScriptedEngine.respond(o, 404, "{\"message\":\"No such image: nope\"}", "");
            }
        })) {
            assertThat(wharf(engine.host(), "inspect", "busybox", "nope")).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
          [
              {
                  "Id": "sha256:d4",
                  "RepoTags": [
                      "busybox:latest"
                  ],
                  "RepoDigests": []
              }
          ]
          """);
            assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("Error: No such object: nope\n");
            out.reset();
            assertThat(wharf(engine.host(), "inspect", "-f", "{{.Id}} {{json .RepoTags}}", "busybox")).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("sha256:d4 [\"busybox:latest\"]\n");
        }
    }
}
