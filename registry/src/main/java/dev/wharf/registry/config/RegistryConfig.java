package dev.wharf.registry.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The registry's configuration, as the YAML file of {@code serve --config} spells it (kebab-case keys);
 * {@code serve}'s flags override it. Every part is optional.
 *
 * <pre>
 * addr: 127.0.0.1:5000
 * root: /var/lib/wharf-registry
 * read-only: false
 * delete: {enabled: true}
 * limits: {max-manifest-bytes: 4194304, max-blob-bytes: 10737418240}
 * tls: {certificate: /etc/registry/cert.pem, key: /etc/registry/key.pem}
 * access-log: true
 * auth:
 *   htpasswd: /etc/registry/htpasswd  # bcrypt entries (htpasswd -B)
 *   token:                            # the Docker token flow, tokens issued by this registry at /token
 *     realm: https://registry.example/token  # default: /token at the host the client addressed
 *     service: wharf-registry
 *     issuer: wharf-registry
 *     secret-file: /etc/registry/token.key   # HMAC key, at least 32 bytes; a random one per start when absent
 *     expiration-seconds: 300
 *   access:                           # without rules every authenticated account may do everything
 *     - {account: alice, repository: "alice/*", actions: [pull, push, delete]}
 *     - {account: "*", repository: "public/*", actions: [pull]}   # "*": anyone, anonymous too (token flow)
 * </pre>
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record RegistryConfig(String addr, Path root, Boolean readOnly, Delete delete, Limits limits, Tls tls,
                             Boolean accessLog, Auth auth) {
    public record Delete(boolean enabled) {}

    public record Limits(Integer maxManifestBytes, Long maxBlobBytes) {}

    public record Tls(Path certificate, Path key) {}

    public record Auth(Path htpasswd, Token token, List<Rule> access) {}

    public record Token(String realm, String service, String issuer, Path secretFile, Integer expirationSeconds) {}

    /** Grants {@code actions} on repositories matching {@code repository} (a trailing * is a prefix) to an account ("*": any). */
    public record Rule(String account, String repository, List<String> actions) {}

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public static RegistryConfig empty() {
        return new RegistryConfig(null, null, null, null, null, null, null, null);
    }

    public static RegistryConfig load(Path file) throws IOException {
        RegistryConfig config = YAML.readValue(file.toFile(), RegistryConfig.class);
        return config == null ? empty() : config;
    }
}
