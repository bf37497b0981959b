package dev.wharf.it;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real wharfd, started from the checkout's bin/wharfd on its own socket, data root and exec root
 * under a temporary directory. Stopping it (or killing it) leaves its containers to conmon, as in
 * production; {@link TestEnvironment} removes them.
 */
final class WharfdProcess implements AutoCloseable {
    private final Path root;
    private final Path log;
    private final TestNetwork network = TestNetwork.pick();
    private final List<String> extraFlags = new ArrayList<>();
    private Process process;

    WharfdProcess(Path root) {
        this.root = root;
        this.log = root.resolve("wharfd.log");
    }

    /** This daemon's own default bridge, subnet and address pool, apart from other test runs'. */
    TestNetwork network() {
        return network;
    }

    Path socket() {
        return root.resolve("wharf.sock");
    }

    String host() {
        return "unix://" + socket();
    }

    Path dataRoot() {
        return root.resolve("data");
    }

    Path execRoot() {
        return root.resolve("run");
    }

    /** Each daemon gets its own cgroup parent, so test runs side by side never see each other's cgroups. */
    String cgroupParent() {
        return "/wharf-it-" + root.getFileName().toString().replaceAll("[^A-Za-z0-9]", "");
    }

    /** More wharfd flags for the next starts (a test class's {@code --registry-mirror}, say). */
    void addFlags(String... flags) {
        extraFlags.addAll(List.of(flags));
    }

    void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(TestEnvironment.checkout().resolve("bin/wharfd").toString(),
                "--host", host(), "--data-root", dataRoot().toString(), "--exec-root", execRoot().toString(),
                "--cgroup-parent", cgroupParent(), "--bridge", network.bridge(), "--bip", network.bip(),
                "--default-address-pool", network.pool()));
        command.addAll(extraFlags);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!answersPing()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("wharfd did not come up:\n" + log());
            }
            Thread.sleep(50);
        }
    }

    /** A clean shutdown (SIGTERM), as an operator would do. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** A crash (SIGKILL): nothing gets a chance to clean up. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private boolean answersPing() {
        if (!Files.exists(socket())) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket()));
            channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.1\r\nHost: wharf\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer reply = ByteBuffer.allocate(1024);
            channel.read(reply);
            return new String(reply.array(), 0, reply.position(), StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
