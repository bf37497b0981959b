package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear error, Docker's where Docker has one, and leaves nothing behind. */
class BadInputTest extends EndToEndTest {

    @Test
    void unknownImage() {
        CommandResult ours = wharf.run("run", "--rm", "nosuchimage");
        assertThat(ours.exitCode()).isEqualTo(125);
        assertThat(ours.stderr()).contains("Unable to find image 'nosuchimage:latest' locally");
        CommandResult theirs = docker.run("run", "--rm", "nosuchimage");
        assertThat(theirs.exitCode()).isEqualTo(125);
        assertThat(theirs.stderr()).contains("Unable to find image 'nosuchimage:latest' locally");
        assertThat(wharfOk("ps", "-aq")).isBlank();
    }

    @Test
    void unknownCommandExits127AndLeavesNoMountOrProcess() throws Exception {
        CommandResult ours = wharf.run("run", "--name", "badcmd", "busybox", "no-such-command");
        assertThat(ours.exitCode()).isEqualTo(127);
        assertThat(ours.stderr()).contains("executable file not found");
        CommandResult theirs = docker.run("run", "--rm", "busybox", "no-such-command");
        assertThat(theirs.exitCode()).isEqualTo(127);
        assertThat(theirs.stderr()).contains("executable file not found");

        // As in Docker, a container that never started stays "Created", with the exit code recorded.
        assertThat(wharfOk("ps", "-a", "--no-trunc")).contains("badcmd").contains("Created");
        assertThat(dockerOk("inspect", "-f", "{{.State.ExitCode}}", "badcmd").strip()).isEqualTo("127");
        assertThat(Leftovers.mountsUnder(root)).isEmpty();
        assertThat(Leftovers.bundles(daemon.execRoot().resolve("runtime"))).isEmpty();
        assertThat(Leftovers.processesMentioning(root)).allMatch(p -> p.contains("wharfd") || p.contains("Wharfd"));
        wharfOk("rm", "badcmd");
    }

    @Test
    void malformedJsonIsA500AndCreatesNothing() throws Exception {
        String reply = rawRequest("POST /v1.44/containers/create HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 12\r\nConnection: close\r\n\r\n{\"Image\": \"b");
        assertThat(reply).startsWith("HTTP/1.1 500").contains("\"message\"");
        assertThat(wharfOk("ps", "-aq")).isBlank();
    }

    @Test
    void unknownRouteAndUnsupportedVersion() throws Exception {
        assertThat(rawRequest("GET /v1.44/no/such/route HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 404").contains("page not found");
        assertThat(rawRequest("GET /v1.99/version HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 400").contains("client version 1.99 is too new. Maximum supported API version is 1.44");
    }

    @Test
    void badReference() {
        CommandResult ours = wharf.run("run", "--rm", "Bad:Ref!");
        assertThat(ours.exitCode()).isEqualTo(125);
        assertThat(ours.stderr()).contains("invalid reference format");
        CommandResult tag = wharf.run("tag", "busybox", "Upper:v1");
        assertThat(tag.exitCode()).isNotZero();
        assertThat(tag.stderr()).contains("invalid reference format");
    }

    @Test
    void layerThatEscapesItsRootIsRefusedAndNothingIsStored() throws Exception {
        Path outside = Path.of("/tmp/wharf-escape-" + ProcessHandle.current().pid());
        Files.deleteIfExists(outside);
        List<String> imagesBefore = wharfOk("images", "-q", "--no-trunc").lines().toList();
        long blobsBefore = countFiles(daemon.dataRoot().resolve("content"));

        for (byte[] tarball : List.of(Tarballs.tar(Tarballs.file("../../../../../.." + outside, "x")),
                Tarballs.tar(Tarballs.symlink("link", "/tmp"), Tarballs.file("link/" + outside.getFileName(), "x")))) {
            Path file = Files.write(root.resolve("evil.tar"), tarball);
            CommandResult result = wharf.run("import", file.toString(), "evil:latest");
            assertThat(result.exitCode()).as(result.toString()).isNotZero();
            assertThat(result.stderr()).containsAnyOf("outside", "escape", "invalid");
            assertThat(outside).doesNotExist();
            CommandResult run = wharf.run("run", "--rm", "evil");
            assertThat(run.exitCode()).isEqualTo(125);
        }
        assertThat(wharfOk("images", "-q", "--no-trunc").lines().toList()).isEqualTo(imagesBefore);
        assertThat(countFiles(daemon.dataRoot().resolve("content"))).isEqualTo(blobsBefore);
    }

    private String rawRequest(String request) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(daemon.socket()));
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (channel.read(buffer) > 0) {
                reply.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return reply.toString(StandardCharsets.UTF_8);
        }
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
