package dev.wharf.engine.networks;

import dev.wharf.api.ApiJson;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** {@code <dir>/<id>.json} per network, written to a temporary file and renamed. */
final class NetworkStore {
    private static final Logger LOG = System.getLogger(NetworkStore.class.getName());

    private final Path dir;

    NetworkStore(Path dir) {
        this.dir = dir;
    }

    void save(NetworkRecord record) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(record.id() + ".json");
        Path temp = dir.resolve(record.id() + ".json.tmp");
        Files.write(temp, ApiJson.toBytes(record));
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    void delete(String id) throws IOException {
        Files.deleteIfExists(dir.resolve(id + ".json"));
    }

    List<NetworkRecord> loadAll() throws IOException {
        List<NetworkRecord> records = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return records;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try {
                    records.add(ApiJson.fromJson(Files.readAllBytes(file), NetworkRecord.class));
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "unreadable network record " + file, e);
                }
            }
        }
        return records;
    }
}
