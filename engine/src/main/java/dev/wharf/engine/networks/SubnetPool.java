package dev.wharf.engine.networks;

import dev.wharf.network.Subnet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Docker's default address pool: the first subnet of the pool's size that overlaps neither another
 * network nor a route of the host (so a network never shadows the host's own LAN).
 */
final class SubnetPool {
    private static final Path ROUTES = Path.of("/proc/net/route");

    private final Subnet base;
    private final int size;

    SubnetPool(String base, int size) {
        this.base = Subnet.parse(base);
        this.size = size;
        if (size < this.base.prefix() || size > 30) {
            throw new IllegalArgumentException("invalid default address pool size " + size);
        }
    }

    Optional<Subnet> next(Collection<Subnet> taken) {
        List<Subnet> used = new ArrayList<>(taken);
        used.addAll(hostRoutes());
        long count = 1L << (size - base.prefix());
        for (long i = 0; i < count; i++) {
            var candidate = new Subnet(base.base() + (int) (i << (32 - size)), size);
            if (used.stream().noneMatch(candidate::overlaps)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The host's IPv4 routes except the default one; /proc/net/route holds little-endian hex. */
    static List<Subnet> hostRoutes() {
        List<Subnet> routes = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(ROUTES).stream().skip(1).toList()) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 8) {
                    continue;
                }
                int destination = Integer.reverseBytes(Integer.parseUnsignedInt(f[1], 16));
                int mask = Integer.reverseBytes(Integer.parseUnsignedInt(f[7], 16));
                if (mask != 0) {
                    routes.add(new Subnet(destination, Integer.bitCount(mask)));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no routing table to respect
        }
        return routes;
    }
}
