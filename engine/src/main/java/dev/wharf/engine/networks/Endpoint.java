package dev.wharf.engine.networks;

import java.util.List;

/**
 * A running container's endpoint on a network, as inspect, {@code network rm} and the DNS server see it.
 *
 * @param address the container's address on the network with prefix ({@code 10.210.0.2/24}); "" while pending
 * @param dnsNames what the network's DNS server answers with this address: name, aliases, short ID
 */
public record Endpoint(String containerId, String containerName, String endpointId, String macAddress, String address,
        List<String> dnsNames) {
    public Endpoint {
        dnsNames = dnsNames == null ? List.of() : List.copyOf(dnsNames);
    }

    public String ip() {
        return address.contains("/") ? address.substring(0, address.indexOf('/')) : address;
    }
}
