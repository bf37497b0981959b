package dev.wharf.network.dns;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one network's DNS server knows: names (container names, aliases, short IDs; case-insensitive)
 * to addresses, and the reverse for PTR queries, where the first name of an address wins (Docker's rule).
 */
public record DnsRecords(Map<String, List<String>> addressesByName, Map<String, String> nameByAddress) {
    public static final DnsRecords EMPTY = new DnsRecords(Map.of(), Map.of());

    public DnsRecords {
        addressesByName = Map.copyOf(addressesByName);
        nameByAddress = Map.copyOf(nameByAddress);
    }

    /** Builds the tables from endpoints: each address with its names in Docker's order. */
    public static DnsRecords of(Map<String, List<String>> namesByAddress) {
        var byName = new java.util.TreeMap<String, List<String>>();
        var byAddress = new java.util.TreeMap<String, String>();
        namesByAddress.forEach((address, names) -> {
            for (String name : names) {
                byName.merge(name.toLowerCase(Locale.ROOT), List.of(address), (a, b) -> {
                    var both = new java.util.ArrayList<>(a);
                    both.addAll(b);
                    return List.copyOf(both);
                });
            }
            if (!names.isEmpty()) {
                byAddress.put(address, names.getFirst());
            }
        });
        return new DnsRecords(byName, byAddress);
    }

    List<String> lookup(String name) {
        return addressesByName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    Optional<String> reverse(String address) {
        return Optional.ofNullable(nameByAddress.get(address));
    }
}
