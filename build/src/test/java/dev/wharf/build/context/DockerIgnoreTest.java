package dev.wharf.build.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DockerIgnoreTest {

    @Test
    void lastMatchWinsAndParentsExcludeChildren() {
        DockerIgnore ignore = DockerIgnore.parse("""
                # comment
                *.log
                !keep.log
                build/
                /abs.txt
                **/cache
                docs/**/*.md
                  spaced.txt  
                """);
        assertThat(ignore.excludes("a.log")).isTrue();
        assertThat(ignore.excludes("keep.log")).isFalse();
        assertThat(ignore.excludes("sub/a.log")).isFalse();
        assertThat(ignore.excludes("build")).isTrue();
        assertThat(ignore.excludes("build/x/y")).isTrue();
        assertThat(ignore.excludes("abs.txt")).isTrue();
        assertThat(ignore.excludes("cache")).isTrue();
        assertThat(ignore.excludes("a/b/cache/file")).isTrue();
        assertThat(ignore.excludes("docs/x.md")).isTrue();
        assertThat(ignore.excludes("docs/a/b/x.md")).isTrue();
        assertThat(ignore.excludes("docs/x.txt")).isFalse();
        assertThat(ignore.excludes("spaced.txt")).isTrue();
        assertThat(ignore.excludes("# comment")).isFalse();
        assertThat(ignore.hasExceptions()).isTrue();
    }

    @Test
    void exceptionsCanReIncludeAfterAnExclusionAndOrderMatters() {
        DockerIgnore ignore = DockerIgnore.parse("*\n!src\nsrc/*.tmp\n");
        assertThat(ignore.excludes("Dockerfile")).isTrue();
        assertThat(ignore.excludes("src/main.c")).isFalse();
        assertThat(ignore.excludes("src/x.tmp")).isTrue();
        DockerIgnore reversed = DockerIgnore.parse("!src\n*\n");
        assertThat(reversed.excludes("src/main.c")).isTrue();
    }

    @Test
    void patternsAreCleanedLikeGoPaths() {
        DockerIgnore ignore = DockerIgnore.parse("./a/../b\nc/./d/\n");
        assertThat(ignore.excludes("b")).isTrue();
        assertThat(ignore.excludes("c/d")).isTrue();
        assertThat(DockerIgnore.NONE.excludes("anything")).isFalse();
    }
}
