package dev.wharf.network;

/**
 * What the CNI configuration of one bridge network is made from.
 *
 * @param name the CNI network name (Docker's network name): lease directory and iptables comments
 * @param bridge the Linux bridge, at most 15 characters
 * @param ipRange where host-local allocates from, or null for the whole subnet
 * @param internal no default route and no masquerading: the containers only reach their network
 */
public record BridgeNetwork(String name, String bridge, Subnet subnet, String gateway, Subnet ipRange, boolean internal) {
    public BridgeNetwork {
        if (bridge.length() > 15) {
            throw new IllegalArgumentException("bridge name " + bridge + " is longer than 15 characters");
        }
    }
}
