package dev.wharf.build.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.build.BuildException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextArchiveTest {
    @TempDir
    Path dir;

    @Test
    void spoolsAGzipContextHashingEachFileWithoutUnpackingIt() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            file(tar, "Dockerfile", "FROM scratch\n");
            file(tar, "src/app.txt", "app\n");
            link(tar, "src/again.txt", TarConstants.LF_LINK, "src/app.txt");
            link(tar, "src/link", TarConstants.LF_SYMLINK, "app.txt");
        }
        ContextIndex index = ContextArchive.spool(new ByteArrayInputStream(bytes.toByteArray()), dir);

        byte[] expected = MessageDigest.getInstance("SHA-256").digest("app\n".getBytes(StandardCharsets.UTF_8));
        assertThat(index.entry("src/app.txt").orElseThrow().sha256()).isEqualTo(expected);
        assertThat(index.entry("src/again.txt").orElseThrow().sha256()).isEqualTo(expected);
        assertThat(index.entry("src").orElseThrow().isDirectory()).isTrue();
        assertThat(index.readString("Dockerfile")).contains("FROM scratch\n");

        BuildContext context = BuildContext.prepare(index, "Dockerfile");
        List<ContextSource> sources = context.resolve("COPY", "src");
        assertThat(context.isDirectory(sources.getFirst())).isTrue();
        var digest = SourceDigest.of(sources, context);
        assertThat(index.tree()).doesNotExist();

        context.materialize(sources);
        assertThat(index.tree().resolve("src/app.txt")).hasContent("app");
        assertThat(Files.readSymbolicLink(index.tree().resolve("src/link"))).isEqualTo(Path.of("app.txt"));
        assertThat(index.tree().resolve("Dockerfile")).doesNotExist();
        assertThat(SourceDigest.of(sources, BuildContext.at(index.tree()))).isEqualTo(digest);
    }

    @Test
    void resolvesSymlinksInsideTheContextOnly() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            file(tar, "data/a.txt", "a");
            link(tar, "up", TarConstants.LF_SYMLINK, "../../../data");
        }
        BuildContext context = BuildContext.prepare(ContextArchive.spool(new ByteArrayInputStream(bytes.toByteArray()), dir), "");
        List<ContextSource> sources = context.resolve("COPY", "up/a.txt");
        assertThat(sources.getFirst().path()).isEqualTo(dir.resolve("tree/data/a.txt"));
    }

    @Test
    void appliesDockerignoreToTheIndex() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            file(tar, ".dockerignore", "logs\nsecret*\n!logs/keep.txt\n");
            file(tar, "logs/drop.txt", "x");
            file(tar, "logs/keep.txt", "y");
            file(tar, "secret.key", "z");
        }
        ContextIndex index = ContextArchive.spool(new ByteArrayInputStream(bytes.toByteArray()), dir);
        BuildContext context = BuildContext.prepare(index, "Dockerfile");
        assertThat(index.names()).containsExactly(".dockerignore", "logs", "logs/keep.txt");
        assertThatThrownBy(() -> context.resolve("COPY", "secret.key")).isInstanceOf(BuildException.class)
                .hasMessageContaining("file not found in build context or excluded by .dockerignore");
    }

    @Test
    void refusesAnEntryOutsideTheContext() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            file(tar, "../escape", "x");
        }
        assertThatThrownBy(() -> ContextArchive.spool(new ByteArrayInputStream(bytes.toByteArray()), dir))
                .isInstanceOf(BuildException.class).hasMessageContaining("outside the context");
        assertThat(dir.getParent().resolve("escape")).doesNotExist();
    }

    @Test
    void refusesAnEntryUnderASymlink() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            link(tar, "out", TarConstants.LF_SYMLINK, "/etc");
            file(tar, "out/passwd", "x");
        }
        assertThatThrownBy(() -> ContextArchive.spool(new ByteArrayInputStream(bytes.toByteArray()), dir))
                .isInstanceOf(BuildException.class).hasMessageContaining("under a symlink");
    }

    private static void file(TarArchiveOutputStream tar, String name, String content) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(data.length);
        entry.setMode(0644);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    private static void link(TarArchiveOutputStream tar, String name, byte type, String target) throws IOException {
        TarArchiveEntry link = new TarArchiveEntry(name, type);
        link.setLinkName(target);
        tar.putArchiveEntry(link);
        tar.closeArchiveEntry();
    }
}
