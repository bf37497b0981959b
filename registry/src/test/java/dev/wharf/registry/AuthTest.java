package dev.wharf.registry;

import static dev.wharf.registry.SpecEndpointsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.wharf.image.Json;
import dev.wharf.registry.config.RegistryConfig;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** htpasswd basic auth and the Docker token flow with the built-in issuer and per-repository scopes. */
class AuthTest {
    @TempDir
    Path dir;

    @Test
    void basicAuthAgainstBcryptHtpasswd() throws Exception {
        Path htpasswd = htpasswd("alice", "wonderland");
        try (TestRegistry registry = new TestRegistry(Files.createDirectory(dir.resolve("root")), config -> withAuth(config,
                new RegistryConfig.Auth(htpasswd, null, null)))) {
            HttpResponse<String> anonymous = registry.get("/v2/");
            assertError(anonymous, 401, "UNAUTHORIZED");
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"wharf-registry\"");
            assertError(registry.send(registry.request("/v2/").header("Authorization", basic("alice", "wrong"))), 401, "UNAUTHORIZED");
            assertError(registry.send(registry.request("/v2/").header("Authorization", basic("bob", "wonderland"))), 401, "UNAUTHORIZED");
            assertThat(registry.send(registry.request("/v2/").header("Authorization", basic("alice", "wonderland"))).statusCode())
                    .isEqualTo(200);
            assertThat(registry.send(registry.request("/v2/alice/app/blobs/uploads/")
                    .header("Authorization", basic("alice", "wonderland")).POST(BodyPublishers.noBody())).statusCode()).isEqualTo(202);
        }
    }

    @Test
    void tokenFlowGrantsOnlyWhatTheRulesAllow() throws Exception {
        Path htpasswd = htpasswd("alice", "wonderland");
        RegistryConfig.Token token = new RegistryConfig.Token(null, "test-registry", "test-issuer", null, 300);
        List<RegistryConfig.Rule> rules = List.of(
                new RegistryConfig.Rule("alice", "alice/*", List.of("pull", "push", "delete")),
                new RegistryConfig.Rule("*", "public/*", List.of("pull")));
        try (TestRegistry registry = new TestRegistry(Files.createDirectory(dir.resolve("root")), config -> withAuth(config,
                new RegistryConfig.Auth(htpasswd, token, rules)))) {
            HttpResponse<String> challenge = registry.send(registry.request("/v2/alice/app/blobs/uploads/").POST(BodyPublishers.noBody()));
            assertError(challenge, 401, "UNAUTHORIZED");
            String header = challenge.headers().firstValue("WWW-Authenticate").orElseThrow();
            assertThat(header).isEqualTo("Bearer realm=\"" + registry.base() + "/token\",service=\"test-registry\","
                    + "scope=\"repository:alice/app:push\"");

            String push = token(registry, basic("alice", "wonderland"), "repository:alice/app:pull,push");
            assertThat(registry.send(registry.request("/v2/alice/app/blobs/uploads/").header("Authorization", "Bearer " + push)
                    .POST(BodyPublishers.noBody())).statusCode()).isEqualTo(202);
            // The same token does not reach another repository.
            HttpResponse<String> elsewhere = registry.send(registry.request("/v2/bob/app/blobs/uploads/")
                    .header("Authorization", "Bearer " + push).POST(BodyPublishers.noBody()));
            assertError(elsewhere, 401, "UNAUTHORIZED");
            assertThat(elsewhere.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"insufficient_scope\"");

            // Anonymous: a token, but with pull on public/* only.
            String anonymous = token(registry, null, "repository:public/app:pull,push");
            assertThat(registry.send(registry.request("/v2/public/app/tags/list").header("Authorization", "Bearer " + anonymous))
                    .statusCode()).isEqualTo(404); // authorised; the repository just does not exist
            assertError(registry.send(registry.request("/v2/public/app/blobs/uploads/").header("Authorization", "Bearer " + anonymous)
                    .POST(BodyPublishers.noBody())), 401, "UNAUTHORIZED");

            assertError(registry.send(registry.request("/token?service=test-registry&scope=repository:alice/app:pull")
                    .header("Authorization", basic("alice", "bad"))), 401, "UNAUTHORIZED");
            assertError(registry.send(registry.request("/v2/").header("Authorization", "Bearer not.a.token")), 401, "UNAUTHORIZED");
            String tampered = push.substring(0, push.length() - 4) + (push.endsWith("AAAA") ? "BBBB" : "AAAA");
            assertError(registry.send(registry.request("/v2/alice/app/tags/list").header("Authorization", "Bearer " + tampered)),
                    401, "UNAUTHORIZED");
        }
    }

    @Test
    void skopeoPushesAndPullsThroughTheTokenFlow() throws Exception {
        Path htpasswd = htpasswd("alice", "wonderland");
        RegistryConfig.Token token = new RegistryConfig.Token(null, null, null, null, null);
        try (TestRegistry registry = new TestRegistry(Files.createDirectory(dir.resolve("root")), config -> withAuth(config,
                new RegistryConfig.Auth(htpasswd, token, null)))) {
            String host = "127.0.0.1:" + registry.registry.address().getPort();
            OciLayouts.busybox(dir.resolve("src"), "latest");
            Skopeo skopeo = new Skopeo(dir);
            skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", "alice:wonderland",
                    "oci:" + dir.resolve("src") + ":latest", "docker://" + host + "/alice/busybox:1");
            skopeo.run("copy", "--src-tls-verify=false", "--src-creds", "alice:wonderland",
                    "docker://" + host + "/alice/busybox:1", "oci:" + dir.resolve("out") + ":1");
            assertThat(skopeo.fails("copy", "--dest-tls-verify=false", "--dest-creds", "alice:nope",
                    "oci:" + dir.resolve("src") + ":latest", "docker://" + host + "/alice/busybox:2")).isTrue();
        }
    }

    private static String token(TestRegistry registry, String authorization, String scope) throws Exception {
        var request = registry.request("/token?service=test-registry&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = registry.send(request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body()).path("token").asText();
    }

    private Path htpasswd(String user, String password) throws Exception {
        String hash = new String(BCrypt.with(BCrypt.Version.VERSION_2Y).hash(6, password.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.US_ASCII);
        return Files.writeString(dir.resolve("htpasswd"), "# users\n" + user + ":" + hash + "\n");
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static RegistryConfig withAuth(RegistryConfig config, RegistryConfig.Auth auth) {
        return new RegistryConfig(config.addr(), config.root(), config.readOnly(), config.delete(), config.limits(),
                config.tls(), config.accessLog(), auth);
    }
}
