package dev.wharf.network.cni;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.network.BridgeNetwork;
import dev.wharf.network.Ipv4;
import java.nio.file.Path;

/**
 * The conflist of one endpoint on a Docker-like bridge network (cni.md §2 and §8): bridge + host-local.
 * Every iptables rule, published ports' included, is {@link BridgeRules}', not the bridge plugin's
 * {@code ipMasq}, the firewall plugin's or portmap's.
 */
public final class BridgeConflist {
    public static final String CNI_VERSION = "1.0.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private BridgeConflist() {}

    /**
     * @param staticAddress the container asks for a fixed address: Docker allows any of the subnet, not only
     *     of the ip-range, so the range is the whole subnet (host-local's leases, shared, still prevent clashes)
     */
    public static JsonNode of(BridgeNetwork network, Path ipamDataDir, boolean staticAddress) {
        ObjectNode list = JSON.createObjectNode().put("cniVersion", CNI_VERSION).put("name", network.name())
                .put("disableCheck", true);
        ArrayNode plugins = list.putArray("plugins");

        ObjectNode bridge = plugins.addObject().put("type", "bridge").put("bridge", network.bridge())
                .put("isGateway", true).put("ipMasq", false).put("hairpinMode", true)
                .put("promiscMode", false);
        bridge.putObject("capabilities").put("ips", true).put("mac", true);
        ObjectNode ipam = bridge.putObject("ipam").put("type", "host-local").put("dataDir", ipamDataDir.toString());
        ObjectNode range = ipam.putArray("ranges").addArray().addObject()
                .put("subnet", network.subnet().toString()).put("gateway", network.gateway());
        if (network.ipRange() != null && !staticAddress) {
            range.put("rangeStart", Ipv4.format(Math.max(network.ipRange().address(0), network.subnet().address(1))));
            range.put("rangeEnd", Ipv4.format(network.ipRange().address((int) network.ipRange().size() - 2)));
        }
        ArrayNode routes = ipam.putArray("routes");
        if (!network.internal()) {
            routes.addObject().put("dst", "0.0.0.0/0");
        }
        return list;
    }
}
