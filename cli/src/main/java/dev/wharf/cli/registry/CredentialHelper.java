package dev.wharf.cli.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.api.ApiJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A docker credential helper ({@code docker-credential-<name> get|store|erase}), the protocol of
 * docker-credential-helpers: the server URL or a JSON record on stdin, JSON on stdout.
 */
final class CredentialHelper {
    private final String program;

    CredentialHelper(String name) {
        this.program = "docker-credential-" + name;
    }

    record Credentials(String username, String secret) {}

    /** The stored credentials, or empty when the helper has none for the server. */
    Optional<Credentials> get(String server) throws IOException {
        Result result = run("get", server.getBytes(StandardCharsets.UTF_8));
        if (result.exit() != 0) {
            if (result.output().contains("credentials not found")) {
                return Optional.empty();
            }
            throw new IOException("error getting credentials - err: exit status " + result.exit() + ", out: `"
                    + result.output().strip() + "`");
        }
        JsonNode reply = ApiJson.mapper().readTree(result.output());
        return Optional.of(new Credentials(reply.path("Username").asText(""), reply.path("Secret").asText("")));
    }

    void store(String server, String username, String secret) throws IOException {
        byte[] input = ApiJson.mapper().writeValueAsBytes(Map.of("ServerURL", server, "Username", username,
                "Secret", secret));
        Result result = run("store", input);
        if (result.exit() != 0) {
            throw new IOException("error storing credentials - err: exit status " + result.exit() + ", out: `"
                    + result.output().strip() + "`");
        }
    }

    void erase(String server) throws IOException {
        Result result = run("erase", server.getBytes(StandardCharsets.UTF_8));
        if (result.exit() != 0 && !result.output().contains("credentials not found")) {
            throw new IOException("error erasing credentials - err: exit status " + result.exit() + ", out: `"
                    + result.output().strip() + "`");
        }
    }

    private record Result(int exit, String output) {}

    private Result run(String action, byte[] input) throws IOException {
        Process process = new ProcessBuilder(program, action).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(input);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            return new Result(process.waitFor(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(program + " interrupted", e);
        }
    }
}
