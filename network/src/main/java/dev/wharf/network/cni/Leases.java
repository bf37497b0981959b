package dev.wharf.network.cni;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * host-local's lease files ({@code <dir>/<network>/<ip>}, holding {@code <container id>\r\n<ifname>}).
 * Only this daemon uses the directory and it sweeps before serving, so no ADD runs meanwhile and
 * host-local's flock is not needed.
 */
final class Leases {
    private final Path dir;

    Leases(Path dir) {
        this.dir = dir;
    }

    void releaseAllBut(Set<String> known) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> networks = Files.list(dir)) {
            for (Path network : networks.filter(Files::isDirectory).toList()) {
                try (Stream<Path> leases = Files.list(network)) {
                    for (Path lease : leases.filter(Leases::isLease).toList()) {
                        String owner = Files.readString(lease, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
                        if (!known.contains(owner)) {
                            Files.deleteIfExists(lease);
                        }
                    }
                }
            }
        }
    }

    void removeNetwork(String name) throws IOException {
        Path network = dir.resolve(name);
        if (!Files.isDirectory(network)) {
            return;
        }
        try (Stream<Path> files = Files.walk(network)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Lease files are named after their address; {@code lock} and {@code last_reserved_ip.N} are not leases. */
    private static boolean isLease(Path file) {
        String name = file.getFileName().toString();
        return Character.isDigit(name.charAt(0)) && Files.isRegularFile(file);
    }
}
