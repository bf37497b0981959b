package dev.wharf.network;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One container's endpoint on one network, stored before the CNI ADD and completed with its result,
 * so that a DEL with exactly the ADD's parameters can always follow (libcni's cached result, cni.md §8).
 *
 * @param conflist the configuration the ADD ran with (a later change of the network must not confuse DEL)
 * @param result the final ADD result; null while the ADD has not finished
 */
public record Attachment(String containerId, String networkId, String networkName, String endpointId, String ifname,
        Path netns, String cniArgs, JsonNode conflist, JsonNode runtimeConfig, JsonNode result) {

    public Attachment withResult(JsonNode newResult) {
        return new Attachment(containerId, networkId, networkName, endpointId, ifname, netns, cniArgs, conflist,
                runtimeConfig, newResult);
    }

    /** The bridge of the network, as the ADD ran. */
    @JsonIgnore
    public String bridge() {
        return conflist.path("plugins").path(0).path("bridge").asText();
    }

    /** The host ports the endpoint publishes. */
    @JsonIgnore
    public List<PortMapping> ports() {
        List<PortMapping> ports = new ArrayList<>();
        if (runtimeConfig == null) {
            return ports;
        }
        runtimeConfig.path("portMappings").forEach(m -> ports.add(new PortMapping(m.path("hostIP").asText(""),
                m.path("hostPort").asInt(), m.path("containerPort").asInt(), m.path("protocol").asText("tcp"))));
        return ports;
    }

    /** The container's address without prefix, "" before the ADD finished. */
    @JsonIgnore
    public String ipAddress() {
        String cidr = firstIp().path("address").asText("");
        return cidr.contains("/") ? cidr.substring(0, cidr.indexOf('/')) : cidr;
    }

    @JsonIgnore
    public int prefixLength() {
        String cidr = firstIp().path("address").asText("");
        return cidr.contains("/") ? Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1)) : 0;
    }

    @JsonIgnore
    public String gateway() {
        return firstIp().path("gateway").asText("");
    }

    /** The MAC of the interface inside the container. */
    @JsonIgnore
    public String macAddress() {
        if (result == null) {
            return "";
        }
        for (JsonNode iface : result.path("interfaces")) {
            if (iface.has("sandbox") && ifname.equals(iface.path("name").asText())) {
                return iface.path("mac").asText("");
            }
        }
        return "";
    }

    private JsonNode firstIp() {
        return result == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : result.path("ips").path(0);
    }
}
