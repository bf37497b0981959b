package dev.wharf.network;

import java.util.List;

/**
 * What a container asks of one endpoint.
 *
 * @param ip a fixed address ({@code --ip}), or null for the next free one
 * @param mac a fixed MAC ({@code --mac-address}), or null for a random one
 */
public record AttachOptions(String ip, String mac, List<PortMapping> ports) {
    public AttachOptions {
        ports = ports == null ? List.of() : List.copyOf(ports);
    }
}
