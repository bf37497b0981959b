package dev.wharf.network.cni;

import dev.wharf.network.Attachment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** {@code <dir>/<container id>/<network id>.json}: the attachments that still need a DEL. */
final class AttachmentStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    AttachmentStore(Path dir) {
        this.dir = dir;
    }

    void save(Attachment attachment) throws IOException {
        Path file = file(attachment.containerId(), attachment.networkId());
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(temp.toFile(), attachment);
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    void delete(Attachment attachment) throws IOException {
        Files.deleteIfExists(file(attachment.containerId(), attachment.networkId()));
        Path containerDir = dir.resolve(attachment.containerId());
        try (Stream<Path> left = Files.list(containerDir)) {
            if (left.findAny().isEmpty()) {
                Files.deleteIfExists(containerDir);
            }
        } catch (java.nio.file.NoSuchFileException | java.nio.file.DirectoryNotEmptyException e) {
            // gone already, or another attachment was just saved
        }
    }

    List<Attachment> of(String containerId) throws IOException {
        Path containerDir = dir.resolve(containerId);
        List<Attachment> found = new ArrayList<>();
        if (!Files.isDirectory(containerDir)) {
            return found;
        }
        try (Stream<Path> files = Files.list(containerDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                found.add(JSON.readValue(file.toFile(), Attachment.class));
            }
        }
        return found;
    }

    /** The attachments on one network, of every container. */
    List<Attachment> onNetwork(String networkId) throws IOException {
        List<Attachment> found = new ArrayList<>();
        for (String containerId : containers()) {
            Path file = file(containerId, networkId);
            try {
                if (Files.exists(file)) {
                    found.add(JSON.readValue(file.toFile(), Attachment.class));
                }
            } catch (java.io.FileNotFoundException e) {
                // detached meanwhile
            }
        }
        return found;
    }

    /** Containers that have attachments on disk. */
    List<String> containers() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(dir)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).toList();
        }
    }

    private Path file(String containerId, String networkId) {
        return dir.resolve(containerId).resolve(networkId + ".json");
    }
}
