package dev.wharf.build;

import dev.wharf.image.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** {@link BuildCache} as one small file per key under a directory, each written to a temp file and renamed. */
public final class FileBuildCache implements BuildCache {
    private final Path dir;

    public FileBuildCache(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    @Override
    public Optional<Digest> lookup(Digest key) throws IOException {
        Path file = dir.resolve(key.encoded());
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file).strip();
        return Digest.isValid(text) ? Optional.of(Digest.parse(text)) : Optional.empty();
    }

    @Override
    public void record(Digest key, Digest imageId) throws IOException {
        Path tmp = Files.createTempFile(dir, ".tmp-", "");
        try {
            Files.writeString(tmp, imageId.toString());
            Files.move(tmp, dir.resolve(key.encoded()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public int clear() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.toList();
        }
        for (Path file : files) {
            Files.deleteIfExists(file);
        }
        return (int) files.stream().filter(f -> !f.getFileName().toString().startsWith(".")).count();
    }
}
