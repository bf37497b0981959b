package dev.wharf.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.image.Digest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What every {@link BuildCache} must do. */
abstract class BuildCacheContract {
    protected abstract BuildCache cache() throws Exception;

    private static Digest digest(String text) {
        return Digest.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void recordsLooksUpOverwritesAndClears() throws Exception {
        BuildCache cache = cache();
        assertThat(cache.lookup(digest("key"))).isEmpty();
        cache.record(digest("key"), digest("image-1"));
        assertThat(cache.lookup(digest("key"))).contains(digest("image-1"));
        cache.record(digest("key"), digest("image-2"));
        assertThat(cache.lookup(digest("key"))).contains(digest("image-2"));
        cache.record(digest("other"), digest("image-3"));
        BuildCache.Cleared cleared = cache.clear();
        assertThat(cleared.ids()).containsExactlyInAnyOrder(digest("key").encoded(), digest("other").encoded());
        assertThat(cleared.bytes()).isPositive();
        assertThat(cache.clear().ids()).isEmpty();
        assertThat(cache.lookup(digest("key"))).isEmpty();
    }
}
