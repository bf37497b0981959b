package dev.wharf.build;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FileBuildCacheTest extends BuildCacheContract {
    @TempDir
    Path dir;

    @Override
    protected BuildCache cache() throws Exception {
        return new FileBuildCache(dir.resolve("cache"));
    }
}
