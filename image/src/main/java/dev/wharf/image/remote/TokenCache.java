package dev.wharf.image.remote;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens by (realm, service, scope, user), kept until shortly before they expire, so that the
 * many requests of one pull (and the next pulls) do not each fetch a token.
 */
final class TokenCache {
    /** Tokens are dropped this long before the server's expiry: a request in flight must not outlive them. */
    private static final long MARGIN_SECONDS = 10;

    record Key(String realm, String service, String scope, String user) {}

    private record Entry(String token, Instant expires) {}

    private final Map<Key, Entry> tokens = new ConcurrentHashMap<>();
    private final Clock clock;

    TokenCache(Clock clock) {
        this.clock = clock;
    }

    String get(Key key) {
        Entry entry = tokens.get(key);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.expires())) {
            tokens.remove(key, entry);
            return null;
        }
        return entry.token();
    }

    void put(Key key, String token, long expiresInSeconds) {
        long lifetime = Math.max(0, expiresInSeconds - MARGIN_SECONDS);
        tokens.put(key, new Entry(token, clock.instant().plusSeconds(lifetime)));
    }
}
