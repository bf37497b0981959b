package dev.wharf.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScopedPathTest {
    @TempDir
    Path rootfs;

    @Test
    void symlinksAndDotDotNeverLeaveTheRoot() throws IOException {
        Files.createDirectories(rootfs.resolve("etc"));
        Files.createSymbolicLink(rootfs.resolve("absolute"), Path.of("/etc"));
        Files.createSymbolicLink(rootfs.resolve("climber"), Path.of("../../../.."));
        Files.createSymbolicLink(rootfs.resolve("etc/relative"), Path.of("../etc/passwd"));

        assertThat(ScopedPath.resolve(rootfs, "/absolute/hosts")).isEqualTo(rootfs.resolve("etc/hosts"));
        assertThat(ScopedPath.resolve(rootfs, "/climber/etc")).isEqualTo(rootfs.resolve("etc"));
        assertThat(ScopedPath.resolve(rootfs, "/../../etc/relative")).isEqualTo(rootfs.resolve("etc/passwd"));
        assertThat(ScopedPath.resolve(rootfs, "/")).isEqualTo(rootfs);
    }

    @Test
    void aLinkLoopIsRefused() throws IOException {
        Files.createSymbolicLink(rootfs.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(rootfs.resolve("b"), Path.of("a"));
        assertThatThrownBy(() -> ScopedPath.resolve(rootfs, "/a/x")).hasMessageContaining("too many levels of symbolic links");
    }

    @Test
    void anyTreeCanBeResolvedThroughItsOwnLinks() throws IOException {
        ScopedPath.Links links = name -> name.equals("lib") ? "/usr/lib" : null;
        assertThat(ScopedPath.resolveName("lib/x.so", links)).isEqualTo("usr/lib/x.so");
        assertThat(ScopedPath.resolveName("..", links)).isEmpty();
    }
}
