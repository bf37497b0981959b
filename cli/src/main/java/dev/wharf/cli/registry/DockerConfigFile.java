package dev.wharf.cli.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.api.ApiJson;
import dev.wharf.api.types.AuthConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The docker CLI's {@code config.json} ({@code $DOCKER_CONFIG} or {@code ~/.docker}): credentials in
 * {@code auths} (base64 {@code user:password}), or in a helper named by {@code credHelpers} for the
 * server or {@code credsStore} for all. Keys it does not know are kept as they are.
 */
public final class DockerConfigFile {
    /** The key Docker Hub's credentials are stored under. */
    public static final String HUB_KEY = "https://index.docker.io/v1/";

    private final Path path;
    private final ObjectNode root;

    private DockerConfigFile(Path path, ObjectNode root) {
        this.path = path;
        this.root = root;
    }

    public static DockerConfigFile load(Map<String, String> env) throws IOException {
        String dir = env.get("DOCKER_CONFIG");
        Path base = dir != null && !dir.isEmpty() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".docker");
        Path path = base.resolve("config.json");
        ObjectNode root = Files.exists(path) && Files.size(path) > 0
                ? (ObjectNode) ApiJson.mapper().readTree(path.toFile()) : ApiJson.mapper().createObjectNode();
        return new DockerConfigFile(path, root);
    }

    public Path path() {
        return path;
    }

    /** The key for a registry domain: Docker Hub's historical URL, else the domain itself. */
    public static String keyFor(String domain) {
        return domain.equals("docker.io") ? HUB_KEY : domain;
    }

    /** Whether credentials go to a helper (no "stored unencrypted" warning then). */
    public boolean usesHelper(String key) {
        return helperFor(key).isPresent();
    }

    /** The credentials for the server, as X-Registry-Auth wants them; empty when there are none. */
    public Optional<AuthConfig> credentials(String key) throws IOException {
        Optional<CredentialHelper> helper = helperFor(key);
        if (helper.isPresent()) {
            return helper.get().get(key).map(c -> new AuthConfig(c.username(), c.secret(), key, null));
        }
        JsonNode entry = findAuth(key);
        if (entry == null) {
            return Optional.empty();
        }
        String auth = entry.path("auth").asText("");
        String identityToken = entry.path("identitytoken").asText(null);
        if (auth.isEmpty()) {
            return identityToken == null ? Optional.empty() : Optional.of(new AuthConfig(null, null, key, identityToken));
        }
        String decoded = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new IOException("invalid auth configuration file: " + path);
        }
        return Optional.of(new AuthConfig(decoded.substring(0, colon), decoded.substring(colon + 1), key, identityToken));
    }

    public void store(String key, String username, String password) throws IOException {
        Optional<CredentialHelper> helper = helperFor(key);
        if (helper.isPresent()) {
            helper.get().store(key, username, password);
            auths().putObject(key); // docker keeps an empty entry so `docker info`-style listings see the login
        } else {
            String auth = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            auths().putObject(key).put("auth", auth);
        }
        save();
    }

    /** Removes the server's credentials; false when there were none. */
    public boolean erase(String key) throws IOException {
        boolean known = findAuth(key) != null;
        Optional<CredentialHelper> helper = helperFor(key);
        if (helper.isPresent()) {
            known |= helper.get().get(key).isPresent();
            helper.get().erase(key);
        }
        if (!known) {
            return false;
        }
        auths().remove(key);
        save();
        return true;
    }

    private Optional<CredentialHelper> helperFor(String key) {
        String name = root.path("credHelpers").path(key).asText("");
        if (name.isEmpty()) {
            name = root.path("credsStore").asText("");
        }
        return name.isEmpty() ? Optional.empty() : Optional.of(new CredentialHelper(name));
    }

    /** The entry under the exact key, or one whose URL names the same host (Docker's ConvertToHostname). */
    private JsonNode findAuth(String key) {
        JsonNode auths = root.path("auths");
        if (auths.has(key)) {
            return auths.get(key);
        }
        for (Map.Entry<String, JsonNode> entry : auths.properties()) {
            if (hostname(entry.getKey()).equals(hostname(key))) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static String hostname(String url) {
        String s = url.replaceFirst("^[a-zA-Z]+://", "");
        int slash = s.indexOf('/');
        return slash < 0 ? s : s.substring(0, slash);
    }

    private ObjectNode auths() {
        JsonNode auths = root.get("auths");
        return auths instanceof ObjectNode node ? node : root.putObject("auths");
    }

    private void save() throws IOException {
        Files.createDirectories(path.getParent());
        Path temp = Files.createTempFile(path.getParent(), "config.json", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(temp, ApiJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
