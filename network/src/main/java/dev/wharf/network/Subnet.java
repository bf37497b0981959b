package dev.wharf.network;

/** An IPv4 prefix such as {@code 10.88.0.0/16}; {@code base} is the network address as an unsigned int. */
public record Subnet(int base, int prefix) {
    public Subnet {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("invalid prefix length " + prefix);
        }
        base &= mask(prefix);
    }

    /** Parses {@code a.b.c.d/n}; host bits are cleared (Docker rejects them elsewhere, see {@link #hasHostBits}). */
    public static Subnet parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("invalid CIDR address: " + cidr);
        }
        int prefix;
        try {
            prefix = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid CIDR address: " + cidr);
        }
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("invalid CIDR address: " + cidr);
        }
        return new Subnet(Ipv4.parse(cidr.substring(0, slash)), prefix);
    }

    public static boolean hasHostBits(String cidr) {
        Subnet subnet = parse(cidr);
        return Ipv4.parse(cidr.substring(0, cidr.indexOf('/'))) != subnet.base();
    }

    public boolean contains(int address) {
        return (address & mask(prefix)) == base;
    }

    public boolean overlaps(Subnet other) {
        int common = Math.min(prefix, other.prefix);
        return (base & mask(common)) == (other.base & mask(common));
    }

    /** The n-th address of the subnet (1 = the first host, Docker's default gateway). */
    public int address(int n) {
        return base + n;
    }

    public long size() {
        return 1L << (32 - prefix);
    }

    @Override
    public String toString() {
        return Ipv4.format(base) + "/" + prefix;
    }

    static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }
}
