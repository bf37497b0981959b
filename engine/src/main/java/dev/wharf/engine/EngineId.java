package dev.wharf.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** The daemon's stable ID (/info ID), kept in the data root like dockerd's engine-id. */
final class EngineId {
    private EngineId() {}

    static String load(Path dataRoot) throws IOException {
        Path file = dataRoot.resolve("engine-id");
        if (Files.exists(file)) {
            String id = Files.readString(file).trim();
            if (!id.isEmpty()) {
                return id;
            }
        }
        String id = UUID.randomUUID().toString();
        Path temp = dataRoot.resolve("engine-id.tmp");
        Files.writeString(temp, id + "\n");
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return id;
    }
}
