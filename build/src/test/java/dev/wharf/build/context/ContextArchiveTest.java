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
    void unpacksAGzipContextAndHashesEachFileOnTheWay() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            file(tar, "Dockerfile", "FROM scratch\n");
            file(tar, "src/app.txt", "app\n");
            TarArchiveEntry link = new TarArchiveEntry("src/again.txt", TarConstants.LF_LINK);
            link.setLinkName("src/app.txt");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        ContentHashes hashes = ContextArchive.unpack(new ByteArrayInputStream(bytes.toByteArray()), dir);

        assertThat(dir.resolve("src/app.txt")).hasContent("app");
        byte[] expected = MessageDigest.getInstance("SHA-256").digest("app\n".getBytes(StandardCharsets.UTF_8));
        assertThat(hashes.of("src/app.txt")).contains(expected);
        assertThat(hashes.of("src/again.txt")).contains(expected);
        assertThat(hashes.byName()).containsOnlyKeys("Dockerfile", "src/app.txt", "src/again.txt");

        BuildContext context = BuildContext.prepare(dir, "Dockerfile", hashes);
        List<ContextSource> sources = context.resolve("COPY", "src");
        assertThat(SourceDigest.of(sources, context))
                .isEqualTo(SourceDigest.of(sources, BuildContext.at(dir)));
    }

    @Test
    void refusesAnEntryOutsideTheContext() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            file(tar, "../escape", "x");
        }
        assertThatThrownBy(() -> ContextArchive.unpack(new ByteArrayInputStream(bytes.toByteArray()), dir))
                .isInstanceOf(BuildException.class).hasMessageContaining("outside the context");
        assertThat(dir.getParent().resolve("escape")).doesNotExist();
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
}
