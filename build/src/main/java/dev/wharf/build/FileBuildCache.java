package dev.wharf.build;

import dev.wharf.image.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
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
    public Cleared clear() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.toList();
        }
        List<String> ids = new ArrayList<>();
        long bytes = 0;
        for (Path file : files) {
            long size = Files.size(file);
            if (Files.deleteIfExists(file) && !file.getFileName().toString().startsWith(".")) {
                ids.add(file.getFileName().toString());
                bytes += size;
            }
        }
        return new Cleared(ids, bytes);
    }
}
