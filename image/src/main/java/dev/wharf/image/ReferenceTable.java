package dev.wharf.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reference table persisted as {@code repositories.json} in Docker's own layout
 * ({@code {"Repositories":{"busybox":{"busybox:latest":"sha256:…"}}}}, familiar names).
 * Not thread-safe: {@link FileImageStore} serialises access.
 */
final class ReferenceTable {
    private record FileFormat(@JsonProperty("Repositories") Map<String, Map<String, String>> repositories) {}

    private final Path file;

    ReferenceTable(Path file) {
        this.file = file;
    }

    Map<ImageReference, Digest> load() throws IOException {
        Map<ImageReference, Digest> refs = new TreeMap<>(FileImageStore.REFERENCE_ORDER);
        if (!Files.exists(file)) {
            return refs;
        }
        FileFormat format = Json.MAPPER.readValue(file.toFile(), new TypeReference<FileFormat>() {});
        if (format.repositories() != null) {
            format.repositories().values().forEach(repo -> repo.forEach((ref, id) ->
                    refs.put(ImageReference.parseName(ref), Digest.parse(id))));
        }
        return refs;
    }

    /** Writes the whole table to a temp file and renames it over the old one, so readers never see half a file. */
    void save(Map<ImageReference, Digest> refs) throws IOException {
        Map<String, Map<String, String>> repositories = new TreeMap<>();
        refs.forEach((ref, id) -> repositories
                .computeIfAbsent(ref.familiarName(), k -> new TreeMap<>())
                .put(ref.familiarString(), id.toString()));
        AtomicFiles.write(file, Json.bytes(new FileFormat(repositories)));
    }
}
