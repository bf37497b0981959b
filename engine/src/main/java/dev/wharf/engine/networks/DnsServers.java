package dev.wharf.engine.networks;

import dev.wharf.network.Subnet;
import dev.wharf.network.dns.DnsRecords;
import dev.wharf.network.dns.EmbeddedDnsServer;
import dev.wharf.network.dns.Forwarder;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One {@link EmbeddedDnsServer} per user-defined network that has endpoints, on its gateway's port 53
 * (the bridge has that address once the first container joined); its names follow the endpoints.
 * Other names go to the upstream resolvers (dockerd's {@code --dns}, else the host's), as Docker's
 * resolver sends them: for every container of a network with external access, and on an internal
 * network only for the containers that also have a network that is not internal.
 */
public final class DnsServers implements NetworkService.EndpointListener, AutoCloseable {
    private static final Logger LOG = System.getLogger(DnsServers.class.getName());
    private static final int PORT = 53;

    /** A network with a server, and its endpoints as last told. */
    private record Served(NetworkRecord network, Map<String, Endpoint> endpoints) {}

    private final Forwarder forwarder;
    private final Map<String, EmbeddedDnsServer> servers = new ConcurrentHashMap<>();
    private final Map<String, Served> served = new ConcurrentHashMap<>();
    /** Per network that is not internal, the containers with an endpoint on it: they have external access. */
    private final Map<String, Set<String>> external = new ConcurrentHashMap<>();

    /** @param upstream the resolvers to forward to; none: the host's resolv.conf's */
    public DnsServers(List<String> upstream) {
        this.forwarder = upstream.isEmpty() ? Forwarder.fromResolvConf(Path.of("/etc/resolv.conf")) : Forwarder.of(upstream);
    }

    @Override
    public synchronized void changed(NetworkRecord network, Map<String, Endpoint> endpoints) {
        if (!network.internal()) {
            Set<String> members = endpoints.values().stream().map(Endpoint::containerId).collect(Collectors.toSet());
            Set<String> before = members.isEmpty() ? external.remove(network.id()) : external.put(network.id(), members);
            if (!members.equals(before == null ? Set.of() : before)) {
                // which containers of internal networks may have names forwarded changed
                List.copyOf(served.values()).stream().filter(s -> s.network().internal())
                        .forEach(s -> serve(s.network(), s.endpoints()));
            }
        }
        if (network.embeddedDns()) {
            serve(network, endpoints);
        }
    }

    @Override
    public void close() {
        List.copyOf(servers.keySet()).forEach(this::stop);
    }

    private void serve(NetworkRecord network, Map<String, Endpoint> endpoints) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        endpoints.values().stream().filter(e -> !e.address().isEmpty()).forEach(e -> names.put(e.ip(), e.dnsNames()));
        if (names.isEmpty()) {
            stop(network.id());
            return;
        }
        EmbeddedDnsServer server = servers.get(network.id());
        if (server == null) {
            try {
                server = EmbeddedDnsServer.start(network.gateway(), PORT, Subnet.parse(network.subnet()), forwarder);
                servers.put(network.id(), server);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "no DNS server for network " + network.name() + " on " + network.gateway(), e);
                return;
            }
        }
        served.put(network.id(), new Served(network, endpoints));
        server.update(DnsRecords.of(names), forwardsFor(network, endpoints));
    }

    /** Which clients get other names forwarded: on an internal network, those with external access elsewhere. */
    private Predicate<String> forwardsFor(NetworkRecord network, Map<String, Endpoint> endpoints) {
        if (!network.internal()) {
            return client -> true;
        }
        Set<String> allowed = endpoints.values().stream()
                .filter(e -> external.values().stream().anyMatch(members -> members.contains(e.containerId())))
                .map(Endpoint::ip).collect(Collectors.toUnmodifiableSet());
        return allowed::contains;
    }

    private void stop(String networkId) {
        served.remove(networkId);
        EmbeddedDnsServer server = servers.remove(networkId);
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "closing a DNS server", e);
            }
        }
    }
}
