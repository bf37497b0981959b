package dev.wharf.engine.networks;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.wharf.network.BridgeNetwork;
import dev.wharf.network.Subnet;
import java.util.Map;

/**
 * One network as wharfd remembers it ({@code <data-root>/network/<id>.json}).
 *
 * @param driver {@code bridge}, or {@code host} / {@code null} for the two built-in pseudo networks
 * @param bridge the Linux bridge of a bridge network
 * @param ipRange the sub-range containers get addresses from, or null
 */
public record NetworkRecord(String id, String name, String driver, String created, String subnet, String gateway,
        String ipRange, boolean internal, boolean attachable, Map<String, String> labels, Map<String, String> options,
        String bridge) {
    public static final String BRIDGE = "bridge";

    public NetworkRecord {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    @JsonIgnore
    public boolean isBridge() {
        return BRIDGE.equals(driver);
    }

    /** bridge, host and none: created by the daemon, never removed. */
    @JsonIgnore
    public boolean predefined() {
        return name.equals("bridge") || name.equals("host") || name.equals("none");
    }

    /** Whether containers on it get the daemon's DNS server (Docker: every user-defined network). */
    @JsonIgnore
    public boolean embeddedDns() {
        return isBridge() && !predefined();
    }

    @JsonIgnore
    public BridgeNetwork cni() {
        return new BridgeNetwork(name, bridge, Subnet.parse(subnet), gateway,
                ipRange == null || ipRange.isEmpty() ? null : Subnet.parse(ipRange), internal);
    }
}
