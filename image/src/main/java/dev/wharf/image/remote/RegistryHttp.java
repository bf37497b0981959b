package dev.wharf.image.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.image.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;

/**
 * HTTP to registries: one {@link HttpClient} (HTTP/1.1, virtual threads) for the daemon, the
 * authentication handshake (a 401's challenge answered with Basic credentials or a Bearer token from
 * the challenge's realm, tokens cached by scope), and Distribution error bodies turned into
 * {@link RegistryException}s.
 */
public final class RegistryHttp {
    private static final long DEFAULT_TOKEN_SECONDS = 60;

    private final HttpClient client;
    private final HttpClient unverifiedTls;
    private final RegistryHosts hosts;
    private final TokenCache tokens;

    public RegistryHttp() {
        this(RegistryHosts.defaults());
    }

    /** {@code hosts} says which registries are insecure: their certificates unverified, plain HTTP next. */
    public RegistryHttp(RegistryHosts hosts) {
        this.client = clientBuilder().build();
        this.unverifiedTls = clientBuilder().sslContext(InsecureTls.context()).build();
        this.hosts = hosts;
        this.tokens = new TokenCache(Clock.systemUTC());
    }

    private static HttpClient.Builder clientBuilder() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .executor(Executors.newVirtualThreadPerTaskExecutor());
    }

    /**
     * Sends the request with the session's current authorization; on a 401 answers the challenge once
     * and resends (the body publisher must be replayable). Non-2xx answers become RegistryExceptions,
     * except the statuses in {@code accepted}, which are returned with their body unread.
     */
    HttpResponse<InputStream> send(RegistrySession session, HttpRequest.Builder request, int... accepted)
            throws IOException {
        HttpResponse<InputStream> response = exchange(session, request);
        if (response.statusCode() == 401) {
            List<Challenge> challenges = Challenge.parseAll(response.headers().allValues("WWW-Authenticate"));
            String answer = answer(session, challenges);
            if (answer == null || answer.equals(session.authorization())) {
                throw errorOf(request.build(), response); // nothing new to offer: Docker's "unauthorized"
            }
            response.body().close();
            session.authorize(answer);
            response = exchange(session, request);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return response;
        }
        for (int ok : accepted) {
            if (status == ok) {
                return response;
            }
        }
        throw errorOf(request.build(), response);
    }

    /** Reads a successful response's body whole (manifests, token replies: small by nature). */
    static byte[] bytes(HttpResponse<InputStream> response, int limit) throws IOException {
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw new RegistryException(response.statusCode(), null, "response from " + response.uri()
                        + " exceeds " + limit + " bytes");
            }
            return body;
        }
    }

    private HttpResponse<InputStream> exchange(RegistrySession session, HttpRequest.Builder request) throws IOException {
        String authorization = session.authorization();
        HttpRequest built = authorization == null ? request.build()
                : request.copy().setHeader("Authorization", authorization).build();
        try {
            try {
                return (hosts.skipsTlsVerification(built.uri()) ? unverifiedTls : client)
                        .send(built, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                // An insecure registry that does not speak TLS: Docker's fallback to plain HTTP, for this
                // request and (through the session) the rest of the operation.
                var plain = hosts.plainFallback(built.uri());
                if (plain.isEmpty()) {
                    throw e;
                }
                hosts.plainFallback(session.base()).ifPresent(session::moveTo);
                HttpRequest.Builder retry = request.copy().uri(plain.get());
                if (authorization != null) {
                    retry.setHeader("Authorization", authorization);
                }
                built = retry.build();
                return client.send(built, HttpResponse.BodyHandlers.ofInputStream());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted: " + built.method() + " " + built.uri(), e);
        } catch (java.net.ConnectException e) {
            String address = built.uri().getHost() + ":" + port(built.uri());
            throw new RegistryException(goStyle(built, "dial tcp " + address + ": connect: connection refused"), e);
        } catch (IOException e) {
            throw new RegistryException(goStyle(built, e.getMessage() != null ? e.getMessage() : e.toString()), e);
        }
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    /** The Authorization header that answers the challenge: Bearer when offered, else Basic. */
    private String answer(RegistrySession session, List<Challenge> challenges) throws IOException {
        RegistryAuth auth = session.auth();
        for (Challenge challenge : challenges) {
            if (challenge.scheme().equals("bearer")) {
                return "Bearer " + bearerToken(session, challenge);
            }
        }
        for (Challenge challenge : challenges) {
            if (challenge.scheme().equals("basic") && auth.hasPassword()) {
                return basic(auth);
            }
        }
        return null;
    }

    private String bearerToken(RegistrySession session, Challenge challenge) throws IOException {
        RegistryAuth auth = session.auth();
        if (auth.registryToken() != null && !auth.registryToken().isEmpty()) {
            return auth.registryToken();
        }
        String realm = challenge.param("realm");
        if (realm == null || realm.isEmpty()) {
            throw new RegistryException(401, "UNAUTHORIZED", "unauthorized: bearer challenge without a realm");
        }
        String service = challenge.param("service");
        String scope = session.scopes().isEmpty() ? challenge.param("scope") : String.join(" ", session.scopes());
        TokenCache.Key key = new TokenCache.Key(realm, service, scope, auth.username());
        String cached = tokens.get(key);
        if (cached != null) {
            return cached;
        }
        StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?');
        if (service != null) {
            url.append("service=").append(encode(service));
        }
        if (scope != null) {
            for (String s : scope.split(" ")) {
                url.append("&scope=").append(encode(s));
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.toString())).GET();
        if (auth.hasPassword()) {
            request.header("Authorization", basic(auth));
        }
        HttpResponse<InputStream> response = exchange(RegistrySession.anonymous(), request);
        if (response.statusCode() / 100 != 2) {
            throw errorOf(request.build(), response);
        }
        JsonNode reply = Json.MAPPER.readTree(bytes(response, 1 << 20));
        String token = reply.path("token").asText(reply.path("access_token").asText(""));
        if (token.isEmpty()) {
            throw new RegistryException(401, "UNAUTHORIZED", "unauthorized: the token server sent no token");
        }
        tokens.put(key, token, reply.path("expires_in").asLong(DEFAULT_TOKEN_SECONDS));
        return token;
    }

    private static String basic(RegistryAuth auth) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (auth.username() + ":" + auth.password()).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Docker's wording: the first Distribution error as {@code code words: message}
     * ({@code manifest unknown: manifest unknown}), else the status.
     */
    static RegistryException errorOf(HttpRequest request, HttpResponse<InputStream> response) throws IOException {
        int status = response.statusCode();
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(64 * 1024);
        }
        try {
            JsonNode first = Json.MAPPER.readTree(body).path("errors").path(0);
            if (first.hasNonNull("code")) {
                String code = first.get("code").asText();
                String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
                return new RegistryException(status, code, words + ": " + first.path("message").asText(""));
            }
        } catch (IOException notJson) {
            // fall through to the status text
        }
        String code = status == 401 ? "UNAUTHORIZED" : null;
        String text = status == 401 ? "unauthorized: authentication required" : statusText(status);
        return new RegistryException(status, code, goStyle(request, text));
    }

    /** {@code Head "http://…": reason}, as Go's url.Error prints a failed request. */
    static String goStyle(HttpRequest request, String reason) {
        String method = request.method().charAt(0) + request.method().substring(1).toLowerCase(Locale.ROOT);
        return method + " \"" + request.uri() + "\": " + reason;
    }

    public static String statusText(int status) {
        return switch (status) {
            case 400 -> "400 Bad Request";
            case 401 -> "401 Unauthorized";
            case 403 -> "403 Forbidden";
            case 404 -> "404 Not Found";
            case 405 -> "405 Method Not Allowed";
            case 500 -> "500 Internal Server Error";
            case 502 -> "502 Bad Gateway";
            case 503 -> "503 Service Unavailable";
            default -> "status " + status;
        };
    }
}
