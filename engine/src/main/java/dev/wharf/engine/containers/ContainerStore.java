package dev.wharf.engine.containers;

import dev.wharf.api.ApiJson;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The containers directory: one {@code <id>/} per container holding {@code container.json}, the
 * generated {@code hostname}, {@code hosts}, {@code resolv.conf} and conmon's {@code container.log}.
 * Records are written to a temporary file and renamed, so a crash leaves the old or the new record.
 */
final class ContainerStore {
    private static final Logger LOG = System.getLogger(ContainerStore.class.getName());
    private static final String RECORD = "container.json";

    private final Path root;

    ContainerStore(Path root) {
        this.root = root;
    }

    Path dir(String id) {
        return root.resolve(id);
    }

    Path hostnameFile(String id) {
        return dir(id).resolve("hostname");
    }

    Path hostsFile(String id) {
        return dir(id).resolve("hosts");
    }

    Path resolvConfFile(String id) {
        return dir(id).resolve("resolv.conf");
    }

    Path logFile(String id) {
        return dir(id).resolve("container.log");
    }

    void save(ContainerRecord record) throws IOException {
        Path dir = dir(record.id());
        Files.createDirectories(dir);
        writeAtomically(dir.resolve(RECORD), ApiJson.toBytes(record));
    }

    /** Writes the container's hostname, hosts and resolv.conf. */
    void writeEtcFiles(ContainerRecord record, String hostResolvConf) throws IOException {
        String id = record.id();
        Files.createDirectories(dir(id));
        writeAtomically(hostnameFile(id), EtcFiles.hostname(record.config().hostname()).getBytes(StandardCharsets.UTF_8));
        writeAtomically(hostsFile(id), EtcFiles.hosts(record.config().hostname(), record.config().domainname())
                .getBytes(StandardCharsets.UTF_8));
        writeAtomically(resolvConfFile(id), EtcFiles.resolvConf(hostResolvConf).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Rewrites hosts and resolv.conf for a run on the container's networks (the hostname file stays), in
     * place as Docker's libnetwork does: the container may be created already, its bind mounts on these inodes.
     */
    void writeNetworkEtcFiles(ContainerRecord record, String address, List<String> extraHostLines, String embeddedDns)
            throws IOException {
        String id = record.id();
        var config = record.config();
        var host = record.hostConfig();
        Files.write(hostsFile(id), EtcFiles.hosts(config.hostname(), config.domainname(), address, extraHostLines)
                .getBytes(StandardCharsets.UTF_8));
        Files.write(resolvConfFile(id), EtcFiles.resolvConf(EtcFiles.readHostResolvConf(EtcFiles.HOST_RESOLV_CONF),
                host.dns(), host.dnsSearch(), host.dnsOptions(), embeddedDns).getBytes(StandardCharsets.UTF_8));
    }

    /** Every readable record; unreadable ones are logged and skipped, never deleted. */
    List<ContainerRecord> loadAll() throws IOException {
        var records = new ArrayList<ContainerRecord>();
        if (!Files.isDirectory(root)) {
            return records;
        }
        try (var dirs = Files.list(root)) {
            for (Path dir : dirs.toList()) {
                Path file = dir.resolve(RECORD);
                try {
                    records.add(ApiJson.fromJson(Files.readAllBytes(file), ContainerRecord.class));
                } catch (NoSuchFileException e) {
                    LOG.log(Level.WARNING, "container directory without record: {0}", dir);
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "unreadable container record " + file, e);
                }
            }
        }
        return records;
    }

    void delete(String id) throws IOException {
        Path dir = dir(id);
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(temp, content);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
