package dev.wharf.image.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.image.Descriptor;
import dev.wharf.image.Digest;
import dev.wharf.image.ImageIndex;
import dev.wharf.image.MediaTypes;
import dev.wharf.image.Platform;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RemoteModelTest {
    private static final Digest A = Digest.sha256(new byte[] {1});
    private static final Digest B = Digest.sha256(new byte[] {2});
    private static final Digest C = Digest.sha256(new byte[] {3});

    @Test
    void parsesBearerAndBasicChallenges() {
        Challenge bearer = Challenge.parse(
                "Bearer realm=\"https://auth.example/token\",service=\"registry.example\",scope=\"repository:a/b:pull,push\"");
        assertThat(bearer.scheme()).isEqualTo("bearer");
        assertThat(bearer.param("realm")).isEqualTo("https://auth.example/token");
        assertThat(bearer.param("service")).isEqualTo("registry.example");
        assertThat(bearer.param("scope")).isEqualTo("repository:a/b:pull,push");
        assertThat(Challenge.parse("Basic realm=\"Registry Realm\"").param("realm")).isEqualTo("Registry Realm");
    }

    @Test
    void selectsThePlatformFromAnIndex() {
        ImageIndex index = new ImageIndex(2, MediaTypes.OCI_INDEX, null, List.of(
                manifest(A, new Platform("amd64", "linux", null, null, null, null)),
                manifest(B, new Platform("arm64", "linux", null, null, "v8", null)),
                manifest(C, new Platform("unknown", "unknown", null, null, null, null))), null, null);
        assertThat(PlatformMatcher.select(index, PlatformMatcher.parse("linux/amd64"))).map(Descriptor::digest).contains(A);
        assertThat(PlatformMatcher.select(index, PlatformMatcher.parse("linux/arm64"))).map(Descriptor::digest).contains(B);
        assertThat(PlatformMatcher.select(index, PlatformMatcher.parse("linux/arm64/v8"))).map(Descriptor::digest).contains(B);
        assertThat(PlatformMatcher.select(index, PlatformMatcher.parse("linux/s390x"))).isEmpty();
    }

    @Test
    void loopbackIsPlainHttpAndListedRegistriesTryHttpsFirst() {
        RegistryHosts hosts = new RegistryHosts(Set.of("registry.lan:5000", "10.0.0.7"), List.of());
        assertThat(hosts.base("127.0.0.1:5000").toString()).isEqualTo("http://127.0.0.1:5000");
        assertThat(hosts.base("localhost:5000").toString()).isEqualTo("http://localhost:5000");
        assertThat(hosts.base("registry.lan:5000").toString()).isEqualTo("https://registry.lan:5000");
        assertThat(hosts.base("quay.io").toString()).isEqualTo("https://quay.io");
        assertThat(hosts.base("docker.io").toString()).isEqualTo("https://registry-1.docker.io");

        URI listed = URI.create("https://registry.lan:5000/v2/app/manifests/1?x=%2F");
        assertThat(hosts.skipsTlsVerification(listed)).isTrue();
        assertThat(hosts.plainFallback(listed)).contains(URI.create("http://registry.lan:5000/v2/app/manifests/1?x=%2F"));
        assertThat(hosts.plainFallback(URI.create("https://10.0.0.7:443/v2/"))).contains(URI.create("http://10.0.0.7:443/v2/"));
        assertThat(hosts.plainFallback(URI.create("https://quay.io/v2/"))).isEmpty();
        assertThat(hosts.skipsTlsVerification(URI.create("https://quay.io/v2/"))).isFalse();
        assertThat(hosts.plainFallback(URI.create("http://registry.lan:5000/v2/"))).isEmpty();
    }

    @Test
    void tokensExpireBeforeTheServerSaysSo() {
        MutableClock clock = new MutableClock();
        TokenCache cache = new TokenCache(clock);
        TokenCache.Key key = new TokenCache.Key("realm", "service", "repository:a:pull", "user");
        cache.put(key, "t1", 60);
        assertThat(cache.get(key)).isEqualTo("t1");
        clock.now = clock.now.plusSeconds(51);
        assertThat(cache.get(key)).isNull();
    }

    private static Descriptor manifest(Digest digest, Platform platform) {
        return new Descriptor(MediaTypes.OCI_MANIFEST, digest, 100, null, null, platform, null);
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
