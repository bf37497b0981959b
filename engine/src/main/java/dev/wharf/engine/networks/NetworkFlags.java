package dev.wharf.engine.networks;

/**
 * The daemon's network flags (dockerd's names).
 *
 * @param bridge {@code --bridge}: the Linux bridge of the default {@code bridge} network
 * @param bip {@code --bip}: its gateway address with prefix, e.g. {@code 172.30.0.1/16}
 * @param poolBase {@code --default-address-pool base=}: where user-defined networks get subnets
 * @param poolSize {@code --default-address-pool size=}: their prefix length
 */
public record NetworkFlags(String bridge, String bip, String poolBase, int poolSize) {
    /** Off Docker's 172.17.0.0/16 and its 172.18+ pools, so both engines can run side by side. */
    public static NetworkFlags defaults() {
        return new NetworkFlags("wharf0", "172.30.0.1/16", "10.210.0.0/16", 24);
    }

    /** Parses {@code base=10.210.0.0/16,size=24}. */
    public NetworkFlags withPool(String spec) {
        String base = poolBase;
        int size = poolSize;
        for (String part : spec.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("invalid default address pool: " + spec);
            }
            switch (kv[0].trim()) {
                case "base" -> base = kv[1].trim();
                case "size" -> size = Integer.parseInt(kv[1].trim());
                default -> throw new IllegalArgumentException("invalid default address pool field " + kv[0]);
            }
        }
        return new NetworkFlags(bridge, bip, base, size);
    }
}
