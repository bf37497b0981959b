package dev.wharf.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A registry on a loopback ephemeral port with its storage under the test's directory, optionally behind
 * htpasswd (bcrypt) basic auth: Debian's CNCF distribution registry ({@code /usr/bin/docker-registry},
 * never the system service: a private process with its own YAML config) or our own {@code wharf registry
 * serve}. Killed on close.
 */
final class LoopbackRegistry implements AutoCloseable {
    static final String BINARY = "/usr/bin/docker-registry";

    private final Path dir;
    private final int port;
    private final Process process;

    private LoopbackRegistry(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    static boolean isCncfInstalled() {
        return Files.isExecutable(Path.of(BINARY));
    }

    /** The checkout's {@code bin/wharf registry serve}; {@code user} and {@code password} as for {@link #cncf}. */
    static LoopbackRegistry wharf(Path dir, String user, String password) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("storage"));
        int port = TestPorts.free();
        var command = new java.util.ArrayList<>(java.util.List.of(TestEnvironment.checkout().resolve("bin/wharf").toString(),
                "registry", "serve", "--addr", "127.0.0.1:" + port, "--root", dir.resolve("storage").toString()));
        if (user != null) {
            Files.writeString(dir.resolve("htpasswd"), htpasswd(user, password) + "\n");
            command.addAll(java.util.List.of("--htpasswd", dir.resolve("htpasswd").toString()));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("registry.log").toFile()).start();
        LoopbackRegistry registry = new LoopbackRegistry(dir, port, process);
        registry.awaitReady();
        return registry;
    }

    /** @param user with {@code password}, turns on htpasswd auth; null for an open registry */
    static LoopbackRegistry cncf(Path dir, String user, String password) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("storage"));
        int port = TestPorts.free();
        StringBuilder config = new StringBuilder("""
                version: 0.1
                log:
                  level: warn
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                http:
                  addr: 127.0.0.1:%d
                """.formatted(dir.resolve("storage"), port));
        if (user != null) {
            Files.writeString(dir.resolve("htpasswd"), htpasswd(user, password) + "\n");
            config.append("""
                    auth:
                      htpasswd:
                        realm: wharf-test
                        path: %s
                    """.formatted(dir.resolve("htpasswd")));
        }
        Files.writeString(dir.resolve("config.yml"), config);
        Process process = new ProcessBuilder(BINARY, "serve", dir.resolve("config.yml").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("registry.log").toFile())
                .start();
        LoopbackRegistry registry = new LoopbackRegistry(dir, port, process);
        registry.awaitReady();
        return registry;
    }

    /** An htpasswd line with a bcrypt hash, from apache2-utils' {@code htpasswd}. */
    static String htpasswd(String user, String password) throws IOException, InterruptedException {
        Process htpasswd = new ProcessBuilder("htpasswd", "-Bbn", user, password).start();
        String line = new String(htpasswd.getInputStream().readAllBytes()).strip();
        if (htpasswd.waitFor() != 0 || line.isEmpty()) {
            throw new IOException("htpasswd failed");
        }
        return line;
    }

    /** {@code 127.0.0.1:PORT}, the registry part of image names. */
    String address() {
        return "127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    String log() throws IOException {
        return Files.readString(dir.resolve("registry.log"));
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60)); // a JVM's first start on a busy machine
        while (true) {
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create("http://" + address() + "/v2/"))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200 || response.statusCode() == 401) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                close();
                throw new IOException("the registry did not start:\n" + log());
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
