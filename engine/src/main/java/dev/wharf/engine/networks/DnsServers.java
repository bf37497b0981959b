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
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link EmbeddedDnsServer} per user-defined network that has endpoints, on its gateway's port 53
 * (the bridge has that address once the first container joined); its names follow the endpoints.
 * Other names go to the host's resolvers, except from internal networks.
 */
public final class DnsServers implements NetworkService.EndpointListener, AutoCloseable {
    private static final Logger LOG = System.getLogger(DnsServers.class.getName());
    private static final int PORT = 53;

    private final Forwarder forwarder = Forwarder.fromResolvConf(Path.of("/etc/resolv.conf"));
    private final Map<String, EmbeddedDnsServer> servers = new ConcurrentHashMap<>();

    @Override
    public synchronized void changed(NetworkRecord network, Map<String, Endpoint> endpoints) {
        if (!network.embeddedDns()) {
            return;
        }
        Map<String, List<String>> names = new LinkedHashMap<>();
        endpoints.values().stream().filter(e -> !e.address().isEmpty()).forEach(e -> names.put(e.ip(), e.dnsNames()));
        if (names.isEmpty()) {
            stop(network.id());
            return;
        }
        EmbeddedDnsServer server = servers.get(network.id());
        if (server == null) {
            try {
                // An internal network's questions never leave the host, as Docker's resolver does not
                // forward for containers without external access.
                server = EmbeddedDnsServer.start(network.gateway(), PORT, Subnet.parse(network.subnet()),
                        network.internal() ? Forwarder.NONE : forwarder);
                servers.put(network.id(), server);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "no DNS server for network " + network.name() + " on " + network.gateway(), e);
                return;
            }
        }
        server.update(DnsRecords.of(names));
    }

    @Override
    public void close() {
        List.copyOf(servers.keySet()).forEach(this::stop);
    }

    private void stop(String networkId) {
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
