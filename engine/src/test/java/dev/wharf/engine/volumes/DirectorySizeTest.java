package dev.wharf.engine.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** moby's directory.Size: files by their own size, hard links once, symlinks as links, directories not at all. */
class DirectorySizeTest {

    @Test
    void countsHardLinksOnceAndNeverFollowsSymlinks(@TempDir Path dir, @TempDir Path outside) throws Exception {
        Files.write(Files.createDirectories(dir.resolve("a/b")).resolve("blob"), new byte[1500]);
        Files.createLink(dir.resolve("again"), dir.resolve("a/b/blob"));
        Files.writeString(dir.resolve("small"), "12345\n");
        Files.write(outside.resolve("big"), new byte[100_000]);
        Path link = Files.createSymbolicLink(dir.resolve("link"), outside.resolve("big"));
        long linkSize = Files.readSymbolicLink(link).toString().length();
        assertThat(DirectorySize.of(dir)).isEqualTo(1500 + 6 + linkSize);
    }

    @Test
    void aMissingDirectoryIsEmpty(@TempDir Path dir) {
        assertThat(DirectorySize.of(dir.resolve("gone"))).isZero();
    }
}
