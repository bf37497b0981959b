package dev.wharf.registry.storage.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Small files written whole through a temporary file and a rename, so readers never see half of one. */
final class SmallFiles {
    private final Path tmp;

    SmallFiles(Path tmp) {
        this.tmp = tmp;
    }

    /** A fresh temporary path on the store's file system. */
    Path temporary() {
        return tmp.resolve(UUID.randomUUID().toString());
    }

    void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = temporary();
        try {
            Files.write(temp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    void write(Path file, String content) throws IOException {
        write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    Optional<String> read(Path file) throws IOException {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Names of the directory's entries, sorted; empty when it does not exist. */
    static List<String> names(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(entry -> names.add(entry.getFileName().toString()));
        } catch (NoSuchFileException e) {
            return names;
        }
        names.sort(null);
        return names;
    }

    /**
     * Temporary files of a run that crashed mid-write. Only old ones: another process (a registry serving
     * while {@code gc} opens the same root) may be writing the young ones right now.
     */
    void removeLeftovers() throws IOException {
        Instant old = Instant.now().minus(Duration.ofHours(1));
        for (String name : names(tmp)) {
            try {
                if (Files.getLastModifiedTime(tmp.resolve(name)).toInstant().isBefore(old)) {
                    Files.deleteIfExists(tmp.resolve(name));
                }
            } catch (NoSuchFileException e) {
                // renamed into place meanwhile
            }
        }
    }
}
