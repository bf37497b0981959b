package dev.wharf.cli.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The build context as the docker CLI sends it: the directory as a tar (sorted, modes and mtimes in whole seconds kept,
 * symlinks as links), plus a Dockerfile given from elsewhere ({@code -f -} or outside the context) under
 * an extra name. {@code .dockerignore} is applied by the daemon.
 */
public final class ContextTar {
    private ContextTar() {}

    /** Writes the tar (the stream stays open). */
    public static void write(Path dir, String extraName, byte[] extraContent, OutputStream out) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            if (dir != null) {
                List<Path> paths;
                try (Stream<Path> walk = Files.walk(dir)) {
                    paths = walk.filter(p -> !p.equals(dir)).sorted().toList();
                }
                for (Path path : paths) {
                    add(tar, dir, path);
                }
            }
            if (extraName != null) {
                TarArchiveEntry entry = new TarArchiveEntry(extraName);
                entry.setSize(extraContent.length);
                entry.setMode(0644);
                tar.putArchiveEntry(entry);
                tar.write(extraContent);
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

    private static void add(TarArchiveOutputStream tar, Path dir, Path path) throws IOException {
        String name = dir.relativize(path).toString();
        Map<String, Object> attrs = Files.readAttributes(path, "unix:mode,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
        TarArchiveEntry entry;
        if (Files.isSymbolicLink(path)) {
            entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
            entry.setLinkName(Files.readSymbolicLink(path).toString());
        } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            entry = new TarArchiveEntry(name + "/");
        } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            entry = new TarArchiveEntry(name);
            entry.setSize(Files.size(path));
        } else {
            return; // sockets, devices, FIFOs are not part of a context
        }
        entry.setMode((Integer) attrs.get("mode") & 07777);
        // Whole seconds, as the docker CLI sends them: no PAX header per entry for the fraction.
        entry.setModTime(FileTime.from(((FileTime) attrs.get("lastModifiedTime")).toInstant().getEpochSecond(),
                TimeUnit.SECONDS));
        tar.putArchiveEntry(entry);
        if (entry.isFile()) {
            try (InputStream in = Files.newInputStream(path)) {
                in.transferTo(tar);
            }
        }
        tar.closeArchiveEntry();
    }
}
