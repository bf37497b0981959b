package dev.wharf.registry.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Signs and checks the registry's bearer tokens: JWTs (HS256) with the Docker token spec's claims
 * ({@code iss}, {@code sub}, {@code aud} = service, {@code exp}, {@code access} = granted scopes).
 * The issuer and the registry are one process, so one shared secret is all the key management needed.
 */
public final class TokenService {
    private final byte[] secret;
    private final String issuer;
    private final String service;
    private final Duration lifetime;

    public TokenService(byte[] secret, String issuer, String service, Duration lifetime) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the token secret must be at least 32 bytes");
        }
        this.secret = secret.clone();
        this.issuer = issuer;
        this.service = service;
        this.lifetime = lifetime;
    }

    public static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    public String service() {
        return service;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** What a valid token says: who, and which access was granted. */
    public record Grant(String account, List<Access> access) {
        public boolean covers(Access needed) {
            return access.stream().anyMatch(granted -> granted.type().equals(needed.type())
                    && granted.name().equals(needed.name()) && granted.actions().containsAll(needed.actions()));
        }
    }

    public String issue(String account, List<Access> granted, Instant now) {
        List<Map<String, Object>> access = new ArrayList<>();
        for (Access entry : granted) {
            Map<String, Object> claim = new LinkedHashMap<>();
            claim.put("type", entry.type());
            claim.put("name", entry.name());
            claim.put("actions", List.copyOf(entry.actions()));
            access.add(claim);
        }
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer).subject(account).audience(service)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(10)))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("access", access)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }

    /** The grant of a token this service issued that is valid now; empty for anything else. */
    public Optional<Grant> verify(String token, Instant now) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(secret))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expires = claims.getExpirationTime();
            Date notBefore = claims.getNotBeforeTime();
            if (!issuer.equals(claims.getIssuer()) || claims.getAudience() == null || !claims.getAudience().contains(service)
                    || expires == null || !now.isBefore(expires.toInstant())
                    || (notBefore != null && now.isBefore(notBefore.toInstant()))) {
                return Optional.empty();
            }
            return Optional.of(new Grant(claims.getSubject(), access(claims.getListClaim("access"))));
        } catch (ParseException | JOSEException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static List<Access> access(List<Object> claim) {
        List<Access> access = new ArrayList<>();
        if (claim == null) {
            return access;
        }
        for (Object entry : claim) {
            if (entry instanceof Map<?, ?> map && map.get("type") instanceof String type && map.get("name") instanceof String name
                    && map.get("actions") instanceof List<?> actions) {
                access.add(new Access(type, name, new LinkedHashSet<>(actions.stream().map(String::valueOf).toList())));
            }
        }
        return access;
    }
}
