package dev.wharf.registry;

import dev.wharf.registry.api.ApiPolicy;
import dev.wharf.registry.api.Dispatcher;
import dev.wharf.registry.auth.AccessRules;
import dev.wharf.registry.auth.Authorizer;
import dev.wharf.registry.auth.BasicAuthorizer;
import dev.wharf.registry.auth.Htpasswd;
import dev.wharf.registry.auth.TokenAuthorizer;
import dev.wharf.registry.auth.TokenEndpoint;
import dev.wharf.registry.auth.TokenIssuer;
import dev.wharf.registry.auth.TokenService;
import dev.wharf.registry.config.RegistryConfig;
import dev.wharf.registry.http.RegistryServer;
import dev.wharf.registry.ops.AccessLog;
import dev.wharf.registry.ops.Metrics;
import dev.wharf.registry.storage.RegistryStorage;
import dev.wharf.registry.storage.fs.FileSystemStorage;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Objects;

/** A running registry: storage, policy and auth from the configuration, behind the HTTP server. */
public final class Registry implements AutoCloseable {
    public static final String DEFAULT_ADDR = "127.0.0.1:5000";

    private final RegistryServer server;

    private Registry(RegistryServer server) {
        this.server = server;
    }

    public static Registry start(RegistryConfig config) throws IOException {
        if (config.root() == null) {
            throw new IllegalArgumentException("no storage root: give --root or root: in the config file");
        }
        RegistryStorage storage = FileSystemStorage.open(config.root());
        ApiPolicy policy = policy(config);
        Authorizer authorizer = Authorizer.OPEN;
        TokenEndpoint tokens = TokenEndpoint.DISABLED;
        RegistryConfig.Auth auth = config.auth();
        if (auth != null) {
            Htpasswd users = auth.htpasswd() == null ? null : Htpasswd.load(auth.htpasswd());
            AccessRules rules = new AccessRules(auth.access());
            if (auth.token() != null) {
                TokenService service = tokenService(auth.token());
                authorizer = new TokenAuthorizer(service, auth.token().realm());
                tokens = new TokenIssuer(service, users, rules);
            } else if (users != null) {
                authorizer = new BasicAuthorizer(users, rules);
            }
        }
        AccessLog accessLog = new AccessLog(Boolean.TRUE.equals(config.accessLog()) ? System.out : null);
        Dispatcher dispatcher = new Dispatcher(storage, policy, authorizer, tokens, new Metrics(), accessLog);
        return new Registry(RegistryServer.start(address(config.addr() == null ? DEFAULT_ADDR : config.addr()),
                tls(config.tls()), dispatcher));
    }

    public InetSocketAddress address() {
        return server.address();
    }

    public void awaitClose() {
        server.awaitClose();
    }

    @Override
    public void close() {
        server.close();
    }

    private static ApiPolicy policy(RegistryConfig config) {
        RegistryConfig.Limits limits = config.limits();
        return new ApiPolicy(config.delete() != null && config.delete().enabled(), Boolean.TRUE.equals(config.readOnly()),
                limits == null || limits.maxManifestBytes() == null ? ApiPolicy.DEFAULT_MAX_MANIFEST_BYTES : limits.maxManifestBytes(),
                limits == null || limits.maxBlobBytes() == null ? Long.MAX_VALUE : limits.maxBlobBytes());
    }

    private static TokenService tokenService(RegistryConfig.Token token) throws IOException {
        byte[] secret = token.secretFile() == null ? TokenService.randomSecret() : Files.readAllBytes(token.secretFile());
        return new TokenService(secret, Objects.requireNonNullElse(token.issuer(), "wharf-registry"),
                Objects.requireNonNullElse(token.service(), "wharf-registry"),
                Duration.ofSeconds(Objects.requireNonNullElse(token.expirationSeconds(), 300)));
    }

    private static SslContext tls(RegistryConfig.Tls tls) throws IOException {
        if (tls == null) {
            return null;
        }
        if (tls.certificate() == null || tls.key() == null) {
            throw new IllegalArgumentException("TLS needs both a certificate and a key (PEM)");
        }
        return SslContextBuilder.forServer(tls.certificate().toFile(), tls.key().toFile()).build();
    }

    /** {@code HOST:PORT}, {@code :PORT} (all interfaces) or {@code [v6]:PORT}. */
    static InetSocketAddress address(String addr) {
        int colon = addr.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("invalid address " + addr + ": want HOST:PORT");
        }
        String host = addr.substring(0, colon).replace("[", "").replace("]", "");
        int port;
        try {
            port = Integer.parseInt(addr.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid port in " + addr);
        }
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }

}
